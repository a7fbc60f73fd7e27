import { expect, test } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { cli, uniqueEmail } from "./support/cli";
import { flushMail, nextMailTo } from "./support/mail";

test("the development outbox page does not exist in a production build", async ({ browser, request }) => {
  expect((await request.get("/dev/mail")).status()).toBe(404);
  const context = await browser.newContext({ storageState: ACCOUNTS.admin.state });
  const res = await (await context.newPage()).goto("/dev/mail");
  expect(res?.status()).toBe(404);
  await context.close();
});

test("the flush route refuses a call without the scheduler's secret", async ({ request }) => {
  expect((await request.post("/api/mail/flush")).status()).toBe(401);
  expect((await request.post("/api/mail/flush", { headers: { authorization: "Bearer wrong" } })).status()).toBe(401);
  expect((await request.post("/api/mail/flush", { headers: { authorization: "Basic e2U=" } })).status()).toBe(401);
  expect((await request.get("/api/mail/flush")).status()).toBe(405);
  expect(await flushMail(request)).toEqual({ sent: expect.any(Number), retrying: expect.any(Number), failed: expect.any(Number) });
  expect(cli(["mail", "flush"])).toMatch(/^Sent \d+, to retry \d+, failed \d+\.$/m);
});

test("admins see the outbox without the mails' links; others may not open it", async ({ browser }) => {
  const email = uniqueEmail("outbox");
  cli(["users", "invite", email]);
  await nextMailTo(email);
  const admin = await browser.newContext({ storageState: ACCOUNTS.admin.state });
  const page = await admin.newPage();
  await page.goto(`/admin/outbox?q=${encodeURIComponent(email)}`);
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("You are invited to Gatehouse");
  await expect(row).toContainText("sent");
  await row.getByRole("link").first().click();
  await expect(page.getByText("You are invited to Gatehouse").first()).toBeVisible();
  await expect(page.getByText("/invitation?token=")).toHaveCount(0);
  await admin.close();
  const editor = await browser.newContext({ storageState: ACCOUNTS.editor.state });
  expect((await (await editor.newPage()).goto("/admin/outbox"))?.status()).toBe(403);
  await editor.close();
});
