import { and, asc, eq, gt, isNull } from "drizzle-orm";
import type { Actor } from "../audit";
import type { Db, Tx } from "../db";
import { users } from "../db/schema";
import { mailTokens } from "../db/schema/mail";
import { env } from "../env";
import { UserFacingError } from "../errors";
import { translator } from "../i18n/translator";
import type { Editor } from "../resources/types";
import { usersPolicy } from "../users/delegation";
import { createInvitedUser, updateUser } from "../users/service";
import { enqueueMail } from "./outbox";
import { renderMail } from "./render";
import { issueToken, voidTokens } from "./tokens";

/**
 * Invitations: an account made without a password, whose owner chooses one
 * through a single-use link (stored hashed, valid INVITE_HOURS). Until then it
 * cannot sign in (no password matches none) and shows as pending; an admin may
 * send the link again (the old one stops working) or revoke it (the account is
 * deactivated and its link void). Each is one audited write with its mail;
 * the caller sends it (sendSoon) once the write has committed.
 */

async function queueInvitation(tx: Tx, userId: string): Promise<void> {
  const [user] = await tx.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, userId));
  const token = await issueToken(tx, userId, "invite", env.INVITE_HOURS);
  await enqueueMail(tx, await renderMail({ kind: "invite", to: user!.email, locale: user!.locale, values: { email: user!.email, hours: env.INVITE_HOURS }, link: `/invitation?token=${token}` }));
}

export async function inviteUser(db: Db, input: { email: string; name?: string | null; roles?: string[] }, actor: Actor): Promise<string> {
  return createInvitedUser(db, input, actor, (tx, userId) => queueInvitation(tx, userId));
}

/**
 * Inside the write: the account is still pending (no password, active), and
 * a panel user (`editor`) may change it by the users' delegation rules.
 */
async function stillPending(tx: Tx, userId: string, editor: Editor | null): Promise<void> {
  const t = await translator("mail.invitations");
  const [row] = await tx.select({ hash: users.passwordHash, active: users.active }).from(users).where(eq(users.id, userId));
  if (!row || row.hash !== null || !row.active) throw new UserFacingError(t("notPending"));
  const policy = editor ? await usersPolicy(tx, editor, userId, null) : {};
  if (policy.readOnly) throw new UserFacingError(policy.readOnly);
}

function orThrow(result: { ok: boolean; message?: string }): void {
  if (!result.ok) throw new UserFacingError(result.message ?? "");
}

export async function resendInvitation(db: Db, userId: string, actor: Actor, editor: Editor | null = null): Promise<void> {
  orThrow(
    await updateUser(db, userId, {}, actor, {
      auditAction: "invitation-resend",
      inTransaction: async (tx) => {
        await stillPending(tx, userId, editor);
        await queueInvitation(tx, userId);
      },
    }),
  );
}

export async function revokeInvitation(db: Db, userId: string, actor: Actor, editor: Editor | null = null): Promise<void> {
  orThrow(
    await updateUser(db, userId, {}, actor, {
      auditAction: "invitation-revoke",
      columns: { active: false },
      hooks: { endSessions: true },
      inTransaction: async (tx) => {
        await stillPending(tx, userId, editor);
        await voidTokens(tx, userId, ["invite"]);
      },
    }),
  );
}

export interface PendingInvitation {
  id: string;
  email: string;
  expiresAt: Date | null;
}

/** Accounts still waiting for their password (active, none set), with when their link expires (null: expired). */
export async function pendingInvitations(db: Db, limit = 100): Promise<PendingInvitation[]> {
  const rows = await db
    .select({ id: users.id, email: users.email, expiresAt: mailTokens.expiresAt })
    .from(users)
    .leftJoin(mailTokens, and(eq(mailTokens.userId, users.id), eq(mailTokens.purpose, "invite"), isNull(mailTokens.usedAt), gt(mailTokens.expiresAt, new Date())))
    .where(and(isNull(users.passwordHash), eq(users.active, true)))
    .orderBy(asc(users.email))
    .limit(limit);
  return rows;
}

/** By address, for the CLI. */
export async function userIdByEmail(db: Db, email: string): Promise<string> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email.trim().toLowerCase()));
  if (!row) throw new UserFacingError((await translator("engine"))("users.noUser", { email: email.trim().toLowerCase() }), "email");
  return row.id;
}
