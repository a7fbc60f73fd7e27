import { expect, type APIRequestContext } from "@playwright/test";
import { E2E_MAIL_CONTROL_PORT, E2E_MAIL_FLUSH_SECRET, E2E_PORT } from "../env";
import type { CaughtMail } from "./mail-catcher";

/** What the run's SMTP server (e2e/support/mail-catcher.ts) has received, and its switch. */
const control = (path: string, method = "GET") => fetch(`http://127.0.0.1:${E2E_MAIL_CONTROL_PORT}${path}`, { method }).then((r) => r.json());

export async function mailsTo(address: string): Promise<CaughtMail[]> {
  return ((await control("/mails")) as CaughtMail[]).filter((m) => m.to.includes(address.toLowerCase()));
}

/**
 * Waits for the `count`-th mail to `address` (of those `only` accepts) and returns it. The app sends
 * right after the change commits; while waiting, the outbox is flushed as a
 * scheduler would, so a mail queued during mail-outage.spec.ts's outage
 * arrives at its next retry.
 */
export async function nextMailTo(address: string, count = 1, only: (mail: CaughtMail) => boolean = () => true): Promise<CaughtMail> {
  const arrivedMails = async () => (await mailsTo(address)).filter(only);
  await expect
    .poll(
      async () => {
        const arrived = (await arrivedMails()).length;
        if (arrived < count) await flushDue();
        return arrived;
      },
      { message: `mail #${count} to ${address}`, timeout: 20_000 },
    )
    .toBeGreaterThanOrEqual(count);
  return (await arrivedMails())[count - 1]!;
}

const flushDue = () => fetch(`http://localhost:${E2E_PORT}/api/mail/flush`, { method: "POST", headers: { authorization: `Bearer ${E2E_MAIL_FLUSH_SECRET}` } });

/** The path (with its query) of the mail's one link on this site, to open with the tests' base URL. */
export function linkIn(mail: CaughtMail, pathStart: string): string {
  const urls = mail.text.match(/https?:\/\/\S+/g) ?? [];
  const found = urls.map((u) => new URL(u)).find((u) => u.pathname.startsWith(pathStart));
  if (!found) throw new Error(`No ${pathStart} link in the mail "${mail.subject}":\n${mail.text}`);
  return `${found.pathname}${found.search}`;
}

export const stopSmtpServer = () => control("/stop", "POST");
export const startSmtpServer = () => control("/start", "POST");

/** A scheduler's call: POST /api/mail/flush with the bearer secret. */
export async function flushMail(request: APIRequestContext): Promise<{ sent: number; retrying: number; failed: number }> {
  const res = await request.post("/api/mail/flush", { headers: { authorization: `Bearer ${E2E_MAIL_FLUSH_SECRET}` } });
  expect(res.status()).toBe(200);
  return res.json();
}
