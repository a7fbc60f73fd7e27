/** Headers every page carries; the CSP allows only scripts carrying this request's nonce. */

export function contentSecurityPolicy(nonce: string, { dev, https }: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    // Next.js adds the nonce to its own scripts when it finds it in this header.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export const HSTS = "max-age=63072000; includeSubDomains";

/** True when the request's Origin names this site (state-changing requests need one). */
export function sameOrigin(origin: string | null, host: string | null, extraOrigins: string[] = []): boolean {
  if (!origin || origin === "null") return false;
  try {
    const url = new URL(origin);
    if (host && url.host === host) return true;
    return extraOrigins.some((o) => new URL(o).origin === url.origin);
  } catch {
    return false;
  }
}
