import { env } from "../env";

/**
 * Set on every incoming request from the socket's remote address by
 * instrumentation.ts (overwriting whatever the client sent), because Next.js
 * gives route handlers and server actions no access to the socket.
 */
export const SOCKET_ADDRESS_HEADER = "x-gatehouse-socket-address";

/**
 * The client's address: the socket's, or with TRUST_PROXY=true (behind a
 * reverse proxy or on Vercel-style hosting) the first X-Forwarded-For entry.
 */
export function clientAddress(headers: Headers, trustProxy: boolean = env.TRUST_PROXY): string {
  if (trustProxy) {
    const first = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
    if (first && first.length <= 64) return first;
    const real = headers.get("x-real-ip")?.trim();
    if (real && real.length <= 64) return real;
  }
  return headers.get(SOCKET_ADDRESS_HEADER)?.slice(0, 64) || "unknown";
}
