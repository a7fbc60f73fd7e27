import { expect, test } from "@playwright/test";
import { cli, STRONG_PASSWORD, uniqueEmail } from "./support/cli";
import { queryDb } from "./support/db";
import { flushMail, mailsTo, startSmtpServer, stopSmtpServer } from "./support/mail";
import { askForReset, choosePassword, freshBrowser, mailedLink, NEW_PASSWORD, newUser } from "./support/mail-flows";
import { expectSignedIn, signIn } from "./support/session";

// It stops the run's one SMTP server for a few seconds: the other tests' mails
// sent meanwhile wait in the outbox and arrive at their next flush (nextMailTo).

const outboxRow = (email: string) => queryDb<{ status: string; attempts: number; text_body: string | null; last_error: string | null }>("select status, attempts, text_body, last_error from mail_outbox where to_address = ?", email)[0];

test("a reset asked for while the SMTP server is down is retried, shown as retrying, and arrives once it is back", async ({ browser, request }) => {
  const email = newUser("outage");
  const role = `outbox-viewer-${process.pid}`;
  cli(["roles", "create", role, "--permission", "outbox:view"]);
  const viewer = uniqueEmail("outbox-viewer");
  cli(["users", "create", "--email", viewer, "--role", role], `${STRONG_PASSWORD}\n`);

  await stopSmtpServer();
  try {
    const { page } = await freshBrowser(browser);
    // The answer does not depend on the mail server: the mail is in the outbox.
    await askForReset(page, email);
    await expect.poll(() => outboxRow(email)?.status).toBe("retrying");
    expect(outboxRow(email)!.last_error).toBeTruthy();
    // Flushed while the server is still down: tried again, still waiting.
    await expect.poll(async () => (await flushMail(request), outboxRow(email)!.attempts)).toBeGreaterThanOrEqual(2);
    expect(outboxRow(email)!.status).toBe("retrying");

    const admin = await freshBrowser(browser);
    await signIn(admin.page, viewer, STRONG_PASSWORD);
    await expectSignedIn(admin.page, viewer);
    await admin.page.goto(`/admin/outbox?q=${encodeURIComponent(email)}`);
    const row = admin.page.getByRole("row").filter({ hasText: email });
    await expect(row).toContainText("retrying");
    expect(await mailsTo(email)).toEqual([]);
  } finally {
    await startSmtpServer();
  }

  // A scheduler's flush sends it once the retry is due.
  await expect.poll(async () => (await flushMail(request), (await mailsTo(email)).length)).toBe(1);
  expect(outboxRow(email)!.status).toBe("sent");
  // Delivered: the link is no longer kept in the outbox.
  expect(outboxRow(email)!.text_body).toBeNull();
  const { page } = await freshBrowser(browser);
  await page.goto(await mailedLink(email, "/password/reset"));
  await choosePassword(page, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/login\?notice=password-set/);
});
