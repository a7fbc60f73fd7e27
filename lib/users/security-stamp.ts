import { eq, inArray, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../db";
import { users } from "../db/schema";
import { randomToken } from "../random";

/**
 * A user's security stamp is copied into each of their sessions; a session
 * whose copy differs is over (auth/session.ts). This module is the only code
 * that writes a new one, so "which changes end the user's sessions" has one answer.
 */

/** Fields of the users resource whose change ends the user's other sessions. */
export const SECURITY_FIELDS: readonly string[] = ["password", "roles", "active"];

export function endsSessions(changed: Iterable<string>): boolean {
  return [...changed].some((key) => SECURITY_FIELDS.includes(key));
}

/** The column value of a new stamp, for a write that sets the users row itself (the panel's prepare hook). */
export function newStampColumn(): { securityStamp: string } {
  return { securityStamp: randomToken() };
}

/**
 * Rotates the stamp of the matched users, in the same UPDATE as `columns`
 * (so a change and the end of the sessions it affects are one write).
 * `target`: a user id, ids, or a condition. Returns the ids changed.
 */
export async function rotateSecurityStamp(tx: Db | Tx, target: string | string[] | SQL, columns: Partial<typeof users.$inferInsert> = {}): Promise<string[]> {
  const where = typeof target === "string" ? eq(users.id, target) : Array.isArray(target) ? inArray(users.id, target) : target;
  const rows = await tx.update(users).set({ ...columns, ...newStampColumn() }).where(where).returning({ id: users.id });
  return rows.map((r) => r.id);
}
