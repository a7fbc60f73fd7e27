import { eq, sql } from "drizzle-orm";
import { writeAudit, type Actor } from "../audit";
import type { AuditAction } from "../audit/actions";
import { writeTransaction, type Db } from "../db";
import { users } from "../db/schema";
import { clearFailures } from "./throttle";

/** The audit action of a right password on an account that still owes its second factor: not a sign-in yet. */
export const PASSWORD_OK_ACTION: AuditAction = "password-ok-awaiting-code";

/** Audits one event about a user's own account (sign-in steps, their /account forms). */
export function auditOwn(db: Db, actor: Actor, action: AuditAction, userId: string | null, summary?: string): Promise<void> {
  return writeTransaction(db, (tx) => writeAudit(tx, actor, { action, resource: "users", recordId: userId, summary }));
}

/**
 * A session is being issued to `user`: the sign-in is counted (trackable
 * fields, the `sign-in` audit entry) and the password throttle forgets this
 * address's failures. For a two-factor account this runs once the code has
 * passed, so a password alone changes none of it.
 */
export async function recordSignIn(db: Db, user: { id: string; email: string }, address: string): Promise<void> {
  await clearFailures("signin", user.email, address);
  const now = new Date();
  await writeTransaction(db, async (tx) => {
    // Trackable: the previous "current" sign-in becomes the "last" one.
    await tx
      .update(users)
      .set({
        lastLoginAt: sql`coalesce(${users.currentLoginAt}, ${sql.param(now, users.currentLoginAt)})`,
        lastLoginIp: sql`coalesce(${users.currentLoginIp}, ${address})`,
        currentLoginAt: now,
        currentLoginIp: address,
        loginCount: sql`${users.loginCount} + 1`,
        // Signing in is not an edit: an admin's open edit form stays current.
        updatedAt: sql`${users.updatedAt}`,
      })
      .where(eq(users.id, user.id));
    await writeAudit(tx, { id: user.id, email: user.email, address }, { action: "sign-in", resource: "users", recordId: user.id });
  });
}
