import { eq } from "drizzle-orm";
import type { Db } from "../db";
import { users } from "../db/schema";
import { UserFacingError } from "../errors";
import { translator } from "../i18n/translator";
import { updateUser } from "../users/service";
import { queueNotice } from "./notices";
import { enqueueMail } from "./outbox";
import { renderMail } from "./render";
import { findUsableToken, issueToken, spendToken } from "./tokens";

/** A confirmation link for a new address works for an hour. */
export const EMAIL_CHANGE_HOURS = 1;

/**
 * A user changes their own address (the caller has checked their password):
 * a link to the new address confirms it, and the old address is told, both
 * queued in one audited write. An address another account uses gets no mail
 * and the same answer, so the form tells no one which addresses have accounts.
 */
export async function requestEmailChange(db: Db, user: { id: string; email: string }, newEmail: string, address: string): Promise<void> {
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.email, newEmail));
  const [row] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, user.id));
  const result = await updateUser(db, user.id, {}, { id: user.id, email: user.email, address }, {
    auditAction: "email-change-request",
    auditSummary: newEmail,
    inTransaction: async (tx) => {
      if (!taken) {
        const token = await issueToken(tx, user.id, "email-change", EMAIL_CHANGE_HOURS, newEmail);
        await enqueueMail(tx, await renderMail({ kind: "emailChange", to: newEmail, locale: row?.locale, values: { email: newEmail }, link: `/email/confirm?token=${token}` }));
      }
      await queueNotice(tx, user.id, "emailChangeNotice", { email: newEmail });
    },
  });
  if (!result.ok) throw new UserFacingError(result.message);
}

/**
 * The link from the new address, confirmed with a button (a mail scanner's
 * GET changes nothing): the address changes and is marked confirmed, the link
 * is spent, and every session ends (the user signs in with the new address).
 */
export async function confirmEmailChange(db: Db, raw: unknown, address: string): Promise<{ ok: true; email: string } | { ok: false; message: string }> {
  const t = await translator("mail.links");
  const token = await findUsableToken(db, raw, ["email-change"]);
  if (!token?.newEmail || typeof raw !== "string") return { ok: false, message: t("invalid") };
  const saved = await updateUser(db, token.userId, { email: token.newEmail }, { id: token.userId, email: token.email, address }, {
    auditAction: "email-change",
    columns: { emailVerified: new Date() },
    hooks: { endSessions: true },
    inTransaction: async (tx) => {
      if (!(await spendToken(tx, raw, ["email-change"], token.userId))) throw new UserFacingError(t("invalid"));
    },
  });
  if (saved.ok) return { ok: true, email: token.newEmail };
  // Another account took the address since the link was sent.
  return { ok: false, message: saved.fieldErrors?.email ?? saved.message };
}
