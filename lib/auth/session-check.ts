import { AsyncLocalStorage } from "node:async_hooks";
import type { JWT } from "next-auth/jwt";
import type { Db } from "../db";
import { DatabaseUnavailable } from "../db/unavailable";
import { logFailure } from "../log";
import type { UserAccess } from "../users/queries";
import { sessionUser } from "./session";

/**
 * The session rules of lib/auth/session.ts, for the callers that answer a
 * request. A failure of the check itself (the database) says nothing about the
 * session: it is logged (root cause only, nothing from the token) and thrown
 * as DatabaseUnavailable, so that the caller answers "try again" and keeps
 * the cookie, instead of signing the user out.
 */
export async function checkedSessionUser(db: Db, token: JWT): Promise<UserAccess | null> {
  try {
    return await sessionUser(db, token);
  } catch (error) {
    logFailure("session check failed", error);
    throw new DatabaseUnavailable(error);
  }
}

// Shared by every bundle that loads this module (middleware, route handlers).
const g = globalThis as unknown as { gatehouseSessionWatch?: AsyncLocalStorage<{ failed: boolean }> };
const watch = (g.gatehouseSessionWatch ??= new AsyncLocalStorage<{ failed: boolean }>());

/**
 * Auth.js's jwt callback: may this token stay a session? When the check fails
 * Auth.js clears the cookie whatever the cause; the failure is noted for
 * `watchSessionChecks`, whose caller throws that response away.
 */
export async function sessionStillValid(db: Db, token: JWT): Promise<boolean> {
  try {
    return (await checkedSessionUser(db, token)) !== null;
  } catch (error) {
    const seen = watch.getStore();
    if (seen) seen.failed = true;
    throw error;
  }
}

/** Runs an Auth.js handler and says whether a session check inside it failed (its response must not be sent). */
export async function watchSessionChecks<T>(run: () => Promise<T>): Promise<{ result: T; failed: boolean }> {
  const seen = { failed: false };
  const result = await watch.run(seen, run);
  return { result, failed: seen.failed };
}
