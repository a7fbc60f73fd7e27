import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { STRONG_PASSWORD, uniqueEmail } from "./support/cli";
import { execDb, queryDb } from "./support/db";
import { mailsTo } from "./support/mail";
import { askForReset, choosePassword, freshBrowser, LINK_INVALID, mailedLink, NEW_PASSWORD, newUser } from "./support/mail-flows";
import { expectSignedIn, signIn } from "./support/session";
import { enrolledUser, userId } from "./support/two-factor";

const token = (link: string) => new URL(link, "http://x").searchParams.get("token")!;

test("a reset link sets a new password once, ends every session, and the old password stops working", async ({ browser }) => {
  const email = newUser("reset");
  const old = await freshBrowser(browser);
  await signIn(old.page, email, STRONG_PASSWORD);
  await expectSignedIn(old.page, email);

  const { page } = await freshBrowser(browser);
  await askForReset(page, email);
  const link = await mailedLink(email, "/password/reset");
  const mail = (await mailsTo(email))[0]!;
  expect(mail.subject).toBe("Reset your Gatehouse password");
  expect(mail.html).toContain('lang="en"');
  // Only the token's hash is stored.
  const stored = queryDb<{ token_hash: string }>("select token_hash from mail_tokens where user_id = ?", userId(email));
  expect(stored.map((r) => r.token_hash)).toEqual([createHash("sha256").update(token(link)).digest("base64url")]);

  await page.goto(link);
  await choosePassword(page, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/login\?notice=password-set/);
  await expect(page.getByText("Your password has been set. Please sign in with it.")).toBeVisible();

  // The session signed in before the reset is over.
  await old.page.goto("/admin");
  await expect(old.page).toHaveURL(/\/login\?callbackUrl=/);
  // Replayed, the link is refused.
  await page.goto(link);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(LINK_INVALID);
  await expect(page.getByLabel("New password", { exact: true })).toHaveCount(0);

  await signIn(page, email, STRONG_PASSWORD);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Invalid email or password.");
  await signIn(page, email, NEW_PASSWORD);
  await expectSignedIn(page, email);
  const actions = queryDb<{ action: string }>("select action from audit_log where record_id = ? order by id", userId(email)).map((r) => r.action);
  expect(actions).toEqual(expect.arrayContaining(["password-reset-request", "password-reset"]));
});

test("an unknown address gets the same answer and no mail", async ({ browser }) => {
  const unknown = uniqueEmail("nobody");
  const { page } = await freshBrowser(browser);
  await askForReset(page, unknown);
  expect(queryDb("select id from mail_outbox where to_address = ?", unknown)).toEqual([]);
  expect(await mailsTo(unknown)).toEqual([]);
});

test("an expired link, an older link and a link of another kind are refused", async ({ browser }) => {
  const email = newUser("expired");
  const { page } = await freshBrowser(browser);
  await askForReset(page, email);
  const first = await mailedLink(email, "/password/reset", 1);
  await askForReset(page, email);
  const second = await mailedLink(email, "/password/reset", 2);
  // A newer link replaces the older one.
  await page.goto(first);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(LINK_INVALID);
  // A reset token is no invitation.
  await page.goto(`/invitation?token=${token(second)}`);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(LINK_INVALID);
  // Past its hour, the link is refused, also when its form was opened before.
  await page.goto(second);
  await expect(page.getByLabel("New password", { exact: true })).toBeVisible();
  execDb("update mail_tokens set expires_at = created_at where user_id = ?", userId(email));
  await choosePassword(page, NEW_PASSWORD);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(LINK_INVALID);
  await page.goto(second);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(LINK_INVALID);
  expect(queryDb("select id from audit_log where record_id = ? and action = 'password-reset'", userId(email))).toEqual([]);
});

test("a weak or mistyped new password is refused next to its field and the link still works", async ({ browser }) => {
  const email = newUser("weak");
  const { page } = await freshBrowser(browser);
  await askForReset(page, email);
  await page.goto(await mailedLink(email, "/password/reset"));
  await choosePassword(page, "password");
  await expect(page.locator("#password-error")).not.toBeEmpty();
  await choosePassword(page, NEW_PASSWORD, `${NEW_PASSWORD}x`);
  await expect(page.locator("#confirm-error")).toHaveText("The two passwords do not match.");
  await choosePassword(page, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/login\?notice=password-set/);
});

test("two requests with one link at once set the password once", async ({ browser }) => {
  const email = newUser("race");
  const a = await freshBrowser(browser);
  const b = await freshBrowser(browser);
  await askForReset(a.page, email);
  const link = await mailedLink(email, "/password/reset");
  await a.page.goto(link);
  await b.page.goto(link);
  for (const p of [a.page, b.page]) {
    await p.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await p.getByLabel("Repeat new password").fill(NEW_PASSWORD);
  }
  await Promise.all([a.page.getByRole("button", { name: "Set password" }).click(), b.page.getByRole("button", { name: "Set password" }).click()]);
  await expect.poll(() => [a.page, b.page].filter((p) => p.url().includes("notice=password-set")).length).toBe(1);
  expect(queryDb("select id from audit_log where record_id = ? and action = 'password-reset'", userId(email))).toHaveLength(1);
});

test("after a reset, a two-factor account is still asked for its code", async ({ browser }) => {
  const { email } = await enrolledUser(browser, "reset-2fa", "198.51.100.61");
  const { page } = await freshBrowser(browser);
  await askForReset(page, email);
  await page.goto(await mailedLink(email, "/password/reset"));
  await choosePassword(page, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/login\?notice=password-set/);
  await signIn(page, email, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/login\?step=code/);
});

test("asking too often for one address is refused alike for known and unknown addresses", async ({ browser }) => {
  const known = newUser("throttle");
  const unknown = uniqueEmail("throttle-nobody");
  const { page } = await freshBrowser(browser);
  for (const email of [known, unknown]) {
    for (let i = 0; i < 3; i += 1) await askForReset(page, email);
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Too many links were asked for. Please try again later.");
  }
  await expect.poll(async () => (await mailsTo(known)).length).toBe(3);
});

test("the answer does not change for an address typed with other case or spaces", async ({ browser }) => {
  const email = newUser("case");
  const { page } = await freshBrowser(browser);
  await askForReset(page, `  ${email.toUpperCase()} `);
  expect(await mailedLink(email, "/password/reset")).toMatch(/^\/password\/reset\?token=[\w-]{43}$/);
});
