import type { Db } from "../db";
import { getSecurityState } from "../users/queries";
import { isRevoked } from "./revocation";

/**
 * Every request after sign-in: the session must not be revoked, and the
 * account must still exist, be active and carry the same stamp. A failure of
 * the check itself (the database) ends the session too, and is logged here
 * once, with the error's code and message but nothing from the token.
 */
export async function sessionStillValid(db: Db, token: { sid?: string; sub?: string; stamp?: string }, log: (line: string) => void = console.error): Promise<boolean> {
  try {
    if (!token.sid || (await isRevoked(db, token.sid))) return false;
    const current = token.sub ? await getSecurityState(db, token.sub) : null;
    return !!current && current.active && current.securityStamp === token.stamp;
  } catch (error) {
    const e = error as { code?: string; message?: string };
    log(`[auth] session check failed${e.code ? ` (${e.code})` : ""}: ${e.message ?? String(error)}`);
    return false;
  }
}
