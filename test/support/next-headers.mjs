// What `next/headers` gives a page: the cookies and headers of the request in globalThis.__testRequest.
// Cookies an action sets (Auth.js's signOut clears the session's) are written back there.
const request = () => globalThis.__testRequest ?? { cookies: {}, headers: {} };

export async function cookies() {
  const jar = request().cookies;
  const all = Object.entries(jar).map(([name, value]) => ({ name, value }));
  const set = (name, value) => {
    if (typeof name === "object") ({ name, value } = name);
    jar[name] = value;
  };
  return { getAll: () => all, get: (name) => all.find((c) => c.name === name), has: (name) => all.some((c) => c.name === name), set, delete: (name) => delete jar[name] };
}

export async function headers() {
  return new Headers(request().headers);
}
