import type { JWT } from "next-auth/jwt";
import type { Db } from "../db";
import type { UserAccess } from "../users/queries";
import { sessionUser } from "./session";

/**
 * The session rules of lib/auth/session.ts, for the callers that must not
 * throw: a failure of the check itself (the database) ends the session and is
 * logged here once, with the error's code and message but nothing from the token.
 */
export async function checkedSessionUser(db: Db, token: JWT, log: (line: string) => void = console.error): Promise<UserAccess | null> {
  try {
    return await sessionUser(db, token);
  } catch (error) {
    const e = error as { code?: string; message?: string };
    log(`[auth] session check failed${e.code ? ` (${e.code})` : ""}: ${e.message ?? String(error)}`);
    return null;
  }
}

/** Auth.js's jwt callback: may this token stay a session? */
export async function sessionStillValid(db: Db, token: JWT, log?: (line: string) => void): Promise<boolean> {
  return (await checkedSessionUser(db, token, log)) !== null;
}
