import "server-only";
import { cookies, headers } from "next/headers";
import { openSecret, sealSecret } from "./secret-box";

/**
 * New recovery codes travel to the page that shows them in an encrypted,
 * httpOnly cookie that lives a few minutes and is cleared when the user is
 * done: the database never holds them in clear, and a change that rotates the
 * security stamp has to answer with a redirect (a fresh request carrying the
 * re-issued session), so the action cannot simply return them.
 */

const COOKIE = "gatehouse.recovery-codes";
const PATH = "/account";

export async function isSecureRequest(): Promise<boolean> {
  return process.env.AUTH_URL?.startsWith("https:") || (await headers()).get("x-forwarded-proto") === "https";
}

export async function rememberCodesToShow(userId: string, codes: string[]): Promise<void> {
  (await cookies()).set(COOKIE, sealSecret(JSON.stringify({ userId, codes })), { httpOnly: true, sameSite: "strict", path: PATH, maxAge: 10 * 60, secure: await isSecureRequest() });
}

export async function codesToShow(userId: string): Promise<string[] | null> {
  const sealed = (await cookies()).get(COOKIE)?.value;
  const opened = sealed ? openSecret(sealed) : null;
  if (!opened) return null;
  try {
    const value = JSON.parse(opened) as { userId?: unknown; codes?: unknown };
    return value.userId === userId && Array.isArray(value.codes) ? value.codes.map(String) : null;
  } catch {
    return null;
  }
}

export async function forgetCodesToShow(): Promise<void> {
  (await cookies()).delete({ name: COOKIE, path: PATH });
}
