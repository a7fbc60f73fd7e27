import { env } from "../env";

/**
 * How mail leaves this server: over SMTP when SMTP_URL is set; without it, in
 * development (and tests), to the console and the /dev/mail page; in
 * production, not at all, and the features that need mail are hidden.
 */
export type MailDelivery = "smtp" | "console" | "none";

export function mailDelivery(): MailDelivery {
  if (env.SMTP_URL) return "smtp";
  return env.NODE_ENV === "production" ? "none" : "console";
}

/** Whether invitations, password reset and e-mail change are offered. */
export function mailEnabled(): boolean {
  return mailDelivery() !== "none";
}

/** The development outbox page exists only in development servers, never in a production build. */
export function devOutboxEnabled(): boolean {
  return process.env.NODE_ENV === "development";
}
