import { eq } from "drizzle-orm";
import type { Tx } from "../db";
import { users } from "../db/schema";
import { mailEnabled } from "./config";
import { enqueueMail } from "./outbox";
import { renderMail, type MailKind } from "./render";
import { issueToken } from "./tokens";

/** A "this was not me" link works for a week. */
export const NOT_ME_HOURS = 168;

export type NoticeKind = Extract<MailKind, "passwordChanged" | "emailChangeNotice" | "twoFactorOn" | "twoFactorOff" | "recoveryCodes" | "newSignInAddress">;

/**
 * Queues a security notice to the account's address, in the transaction of
 * the change it reports, with a "this was not me" link (its own, valid a
 * week) that ends every session of the account (/not-me).
 */
export async function queueNotice(tx: Tx, userId: string, kind: NoticeKind, values: Record<string, string | Date> = {}): Promise<void> {
  if (!mailEnabled()) return;
  const [user] = await tx.select({ email: users.email, locale: users.locale, timeZone: users.timeZone }).from(users).where(eq(users.id, userId));
  if (!user) return;
  const token = await issueToken(tx, userId, "not-me", NOT_ME_HOURS);
  await enqueueMail(tx, await renderMail({ kind, to: user.email, locale: user.locale, timeZone: user.timeZone, values: { email: user.email, ...values }, notMe: `/not-me?token=${token}` }));
}
