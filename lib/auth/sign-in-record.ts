import { and, eq, sql } from "drizzle-orm";
import { writeAudit, type Actor } from "../audit";
import type { AuditAction } from "../audit/actions";
import { writeTransaction, type Db, type Tx } from "../db";
import { auditLog, users } from "../db/schema";
import { queueNotice } from "../mail/notices";
import { clearFailures } from "./throttle";

/** The audit action of a right password on an account that still owes its second factor: not a sign-in yet. */
export const PASSWORD_OK_ACTION: AuditAction = "password-ok-awaiting-code";

/** Audits one event about a user's own account (sign-in steps, their /account forms). */
export function auditOwn(db: Db, actor: Actor, action: AuditAction, userId: string | null, summary?: string): Promise<void> {
  return writeTransaction(db, (tx) => writeAudit(tx, actor, { action, resource: "users", recordId: userId, summary }));
}

/**
 * Whether a sign-in from `address` is news to its owner: the account has
 * signed in before, never from there. A first sign-in is not news: there is
 * nothing to compare it to. Asked only for an owner who wants to be told
 * (users.notifyNewSignInAddress, read by recordSignIn's own update).
 *
 * The addresses come from the `sign-in` audit entries, not from
 * users.currentLoginIp/lastLoginIp: those keep only the two newest, so
 * someone who signs in from three places in turn would be told every time,
 * and an address used once is forgotten two sign-ins later. The audit log
 * keeps every sign-in's address, is never pruned, and is written in the
 * same transaction as the sign-in, so each sign-in counts once it commits.
 */
async function isNewSignInAddress(tx: Tx, userId: string, address: string): Promise<boolean> {
  const signIns = and(eq(auditLog.actorId, userId), eq(auditLog.action, "sign-in"));
  const [before] = await tx.select({ id: auditLog.id }).from(auditLog).where(signIns).limit(1);
  if (!before) return false;
  const [known] = await tx.select({ id: auditLog.id }).from(auditLog).where(and(signIns, eq(auditLog.address, address))).limit(1);
  return !known;
}

/**
 * A session is being issued to `user`: the sign-in is counted (trackable
 * fields, the `sign-in` audit entry) and the password throttle forgets this
 * address's failures. For a two-factor account this runs once the code has
 * passed, so a password alone changes none of it. An owner who asked is
 * mailed a notice of a sign-in from a new address, queued with the sign-in.
 */
export async function recordSignIn(db: Db, user: { id: string; email: string }, address: string): Promise<void> {
  await clearFailures("signin", user.email, address);
  const now = new Date();
  await writeTransaction(db, async (tx) => {
    // Trackable: the previous "current" sign-in becomes the "last" one.
    const [owner] = await tx
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
      .where(eq(users.id, user.id))
      .returning({ notify: users.notifyNewSignInAddress });
    // Read before this sign-in's own entry is written.
    const news = !!owner?.notify && (await isNewSignInAddress(tx, user.id, address));
    await writeAudit(tx, { id: user.id, email: user.email, address }, { action: "sign-in", resource: "users", recordId: user.id });
    if (news) await queueNotice(tx, user.id, "newSignInAddress", { address, time: now });
  });
}
