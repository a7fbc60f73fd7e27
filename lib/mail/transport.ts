import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env";
import { log } from "../log";
import { mailDelivery } from "./config";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string | null;
  html: string | null;
}

/**
 * Hands one mail to the SMTP server of SMTP_URL (nodemailer: smtp:// upgrades
 * with STARTTLS when offered, smtps:// is TLS from the start), or, without
 * one in development, writes it to the console (the outbox keeps it for
 * /dev/mail). Throws when the server does not take it.
 */

const g = globalThis as unknown as { gatehouseSmtp?: { url: string; transporter: Transporter } };

function smtp(url: string): Transporter {
  if (g.gatehouseSmtp?.url !== url) {
    // A down server must fail fast: the outbox tries again later.
    g.gatehouseSmtp = { url, transporter: nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }) };
  }
  return g.gatehouseSmtp.transporter;
}

export async function deliver(mail: OutgoingMail): Promise<void> {
  const how = mailDelivery();
  if (how === "none") throw new Error("No mail transport: set SMTP_URL.");
  if (how === "console") {
    // Unit tests keep their output for the test runner; the outbox row is what they check.
    if (env.NODE_ENV !== "test") process.stdout.write(`\n--- mail to ${mail.to}: ${mail.subject}\n${mail.text ?? ""}\n---\n`);
    return;
  }
  const info = await smtp(env.SMTP_URL!).sendMail({ from: env.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text ?? undefined, html: mail.html ?? undefined });
  log.info({ event: "mail-sent", messageId: info.messageId }, "mail sent");
}
