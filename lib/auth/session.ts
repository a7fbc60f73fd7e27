import { decode, type JWT } from "next-auth/jwt";
import type { Db } from "../db";
import { env } from "../env";
import { getSessionUser, type UserAccess } from "../users/queries";

/**
 * Reading the session: the cookie's verified claims, then one query for the
 * user it names. Shared by the data access layer (every request), middleware
 * (a cheap decode only) and Auth.js's jwt callback (sign-in and refresh), so
 * that every path applies the same rules.
 */

/** Auth.js's session cookie; the `__Secure-` one is set over HTTPS. */
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/**
 * Middleware re-issues the cookie (extending the idle lifetime) when it is
 * older than this, not on every request; the idle lifetime therefore holds to
 * within this many seconds.
 */
export const SESSION_UPDATE_AGE_SECONDS = 5 * 60;

/** The secrets Auth.js decrypts with (AUTH_SECRET, and AUTH_SECRET_1…3 while rotating), in its order. */
function secrets(): string[] {
  const e = process.env;
  return [e.AUTH_SECRET_3, e.AUTH_SECRET_2, e.AUTH_SECRET_1, e.AUTH_SECRET].filter((s): s is string => !!s);
}

interface CookieReader {
  getAll(): { name: string; value: string }[];
}

/** The cookie's value, joining Auth.js's chunks (`name.0`, `name.1`…) when it was split. */
function cookieValue(all: { name: string; value: string }[], name: string): string | undefined {
  const whole = all.find((c) => c.name === name);
  if (whole) return whole.value;
  const chunks = all
    .filter((c) => c.name.startsWith(`${name}.`) && /^\d+$/.test(c.name.slice(name.length + 1)))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  return chunks.length ? chunks.map((c) => c.value).join("") : undefined;
}

/**
 * Cookies already decrypted, by their exact text: the text is authenticated
 * ciphertext, so the same text always carries the same claims, and a browser
 * sends the same cookie until it is re-issued. Key derivation and decryption
 * cost more than the rest of the session check, so each cookie pays them once
 * (per process) instead of on every request. Only cookies that decrypted are
 * kept; expiry is checked on every use.
 */
const verified = new Map<string, JWT>();
const VERIFIED_MAX = 1_000;
// jose's own tolerance when it checks `exp`.
const CLOCK_TOLERANCE_MS = 15_000;

async function decodeOnce(cookie: string, value: string): Promise<JWT | null> {
  const key = `${cookie}=${value}`;
  const known = verified.get(key);
  if (known) return (known.exp ?? 0) * 1000 + CLOCK_TOLERANCE_MS > Date.now() ? known : null;
  const token = await decode({ token: value, secret: secrets(), salt: cookie });
  if (!token) return null;
  if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value!);
  verified.set(key, Object.freeze(token));
  return token;
}

/**
 * The session cookie's name and its claims when it decrypts with the secret
 * and has not expired (token null otherwise); null when there is no cookie.
 */
export async function readSessionToken(store: CookieReader): Promise<{ cookie: string; token: JWT | null } | null> {
  const all = store.getAll();
  for (const cookie of SESSION_COOKIES) {
    const value = cookieValue(all, cookie);
    if (!value) continue;
    try {
      return { cookie, token: await decodeOnce(cookie, value) };
    } catch {
      return { cookie, token: null };
    }
  }
  return null;
}

/**
 * The user a session token stands for, or null when the session is over: past
 * its absolute lifetime, revoked at sign-out, or its user gone, inactive or on
 * a newer security stamp (password, roles or active flag changed). One query.
 */
export async function sessionUser(db: Db, token: JWT): Promise<UserAccess | null> {
  if (!token.sub || !token.sid || !token.stamp || !token.authTime) return null;
  if (Date.now() - token.authTime > env.SESSION_MAX_HOURS * 3_600_000) return null;
  const found = await getSessionUser(db, token.sub, token.sid);
  if (!found || !found.active || found.revoked || found.securityStamp !== token.stamp) return null;
  const { revoked: _, ...user } = found;
  return user;
}
