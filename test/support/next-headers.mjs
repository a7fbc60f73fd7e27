// What `next/headers` gives a page: the cookies and headers of the request in globalThis.__testRequest.
const request = () => globalThis.__testRequest ?? { cookies: {}, headers: {} };

export async function cookies() {
  const all = Object.entries(request().cookies).map(([name, value]) => ({ name, value }));
  return { getAll: () => all, get: (name) => all.find((c) => c.name === name), has: (name) => all.some((c) => c.name === name) };
}

export async function headers() {
  return new Headers(request().headers);
}
