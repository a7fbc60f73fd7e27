import { isIP } from "node:net";
import { env } from "../env";

/**
 * Set on every incoming request from the socket's remote address by
 * instrumentation.ts (overwriting whatever the client sent), because Next.js
 * gives route handlers and server actions no access to the socket.
 */
export const SOCKET_ADDRESS_HEADER = "x-gatehouse-socket-address";

/**
 * The client's address: the socket's, or with TRUST_PROXY=n the n-th
 * X-Forwarded-For entry from the right. Each trusted proxy appends the address
 * it was reached from, so the entries left of those are whatever the client
 * sent and prove nothing. A header with fewer entries than trusted proxies, or
 * an entry that is not an IP address, falls back to the socket's address.
 */
export function clientAddress(headers: Headers, trustedProxies: number = env.TRUST_PROXY): string {
  const socket = headers.get(SOCKET_ADDRESS_HEADER)?.slice(0, 64) || "unknown";
  if (trustedProxies <= 0) return socket;
  // Several X-Forwarded-For headers arrive joined by ", ", which keeps the order.
  const entries = (headers.get("x-forwarded-for") ?? "").split(",").map((e) => e.trim()).filter(Boolean);
  const entry = entries[entries.length - trustedProxies];
  if (entries.length < trustedProxies || !entry) return socket;
  const address = stripPort(entry);
  return isIP(address) ? address : socket;
}

/** "203.0.113.9:1234" and "[2001:db8::1]:443" name their address without the port. */
function stripPort(entry: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed) return bracketed[1]!;
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(entry);
  return v4 ? v4[1]! : entry;
}

/**
 * The key under which an address is throttled: an IPv4 address itself
 * (IPv4-mapped IPv6 included), an IPv6 address its /64 network, since one
 * subscriber usually holds a whole /64 and could otherwise rotate through it.
 */
export function addressGroup(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (isIP(address) !== 6) return address;
  const [head = "", tail = ""] = address.toLowerCase().split("%")[0]!.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}
