import { bothDatabases, core } from "./both";
import { userIdOf } from "./kit";

/** What a mail in the outbox is doing: waiting for its first try, waiting for another, delivered, given up. */
export const MAIL_STATUSES = ["queued", "retrying", "sent", "failed"] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/**
 * Mails to send, written in the transaction of the change that causes them
 * (lib/mail/outbox.ts) and sent after it commits (lib/mail/flush.ts): a mail
 * the user was promised is never lost to a crash or a mail server that is down.
 * The body is cleared once delivered, so no link outlives its delivery here.
 */
export const { active: mailOutbox, sqlite: mailOutboxOnSqlite, pg: mailOutboxOnPg } = bothDatabases((k) =>
  k.table(
    "mail_outbox",
    {
      id: k.serialId("id"),
      to: k.text("to_address").notNull(),
      subject: k.text("subject").notNull(),
      text: k.text("text_body"),
      html: k.text("html_body"),
      status: k.enumText("status", MAIL_STATUSES).notNull().default("queued"),
      attempts: k.integer("attempts").notNull().default(0),
      // When the next try is due; also a claim: a sender moves it on before it sends.
      nextAttemptAt: k.timestamp("next_attempt_at").notNull().default(k.now()),
      lastError: k.text("last_error"),
      sentAt: k.timestamp("sent_at"),
      createdAt: k.timestamp("created_at").notNull().default(k.now()),
    },
    (t) => [k.index("mail_outbox_due_idx").on(t.status, t.nextAttemptAt), k.index("mail_outbox_created_idx").on(t.createdAt)],
  ),
);

export const MAIL_TOKEN_PURPOSES = ["reset", "invite", "email-change", "not-me"] as const;
export type MailTokenPurpose = (typeof MAIL_TOKEN_PURPOSES)[number];

/**
 * Single-use links sent by mail (password reset, invitation, e-mail change,
 * "this was not me"): only the token's hash is kept, with the user's security
 * stamp when it was made, so a password change since voids it.
 */
export const { active: mailTokens, sqlite: mailTokensOnSqlite, pg: mailTokensOnPg } = bothDatabases((k, on) =>
  k.table(
    "mail_tokens",
    {
      tokenHash: k.text("token_hash").primaryKey(),
      purpose: k.enumText("purpose", MAIL_TOKEN_PURPOSES).notNull(),
      userId: userIdOf(k, on(core).users),
      securityStamp: k.text("security_stamp").notNull(),
      // The address an e-mail change moves to.
      newEmail: k.text("new_email"),
      expiresAt: k.timestamp("expires_at").notNull(),
      usedAt: k.timestamp("used_at"),
      createdAt: k.timestamp("created_at").notNull().default(k.now()),
    },
    (t) => [k.index("mail_tokens_user_idx").on(t.userId, t.purpose), k.index("mail_tokens_expires_idx").on(t.expiresAt)],
  ),
);
