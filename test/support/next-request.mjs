// Module hooks for tests that call pages and route handlers directly, outside
// Next.js: `server-only` is allowed, and `next/headers` reads the request that
// the test describes in globalThis.__testRequest.
export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: new URL("./empty.mjs", import.meta.url).href, shortCircuit: true };
  if (specifier === "next/headers") return { url: new URL("./next-headers.mjs", import.meta.url).href, shortCircuit: true };
  return next(specifier, context);
}
