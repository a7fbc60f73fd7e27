import type { Tx } from "../db";
import { mailOutbox } from "../db/schema/mail";
import type { OutgoingMail } from "./transport";

/**
 * Puts a mail in the outbox inside the caller's transaction: it exists if
 * and only if the change that causes it commits. lib/mail/flush.ts sends it.
 */
export async function enqueueMail(tx: Tx, mail: OutgoingMail): Promise<void> {
  await tx.insert(mailOutbox).values({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, status: "queued", nextAttemptAt: new Date() });
}
