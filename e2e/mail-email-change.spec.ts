import { expect, test } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { STRONG_PASSWORD, uniqueEmail } from "./support/cli";
import { queryDb } from "./support/db";
import { mailsTo, nextMailTo } from "./support/mail";
import { freshBrowser, LINK_INVALID, mailedLink, newUser } from "./support/mail-flows";
import { expectSignedIn, signIn } from "./support/session";
import { enrolledUser, userId } from "./support/two-factor";

const CHANGED_PASSWORD = "Yet-Another-Passphrase-31";

async function askForNewAddress(page: import("@playwright/test").Page, email: string, password = STRONG_PASSWORD) {
  await page.goto("/account");
  const section = page.getByRole("region", { name: "E-mail address" });
  await section.getByLabel("New email address").fill(email);
  await section.getByLabel("Your password").fill(password);
  await section.getByRole("button", { name: "Send confirmation link" }).click();
  return section;
}

test("a new address is confirmed from that address, the old one is told, and sessions end", async ({ browser }) => {
  const email = newUser("moving");
  const next = uniqueEmail("moved");
  const { page } = await freshBrowser(browser);
  await signIn(page, email, STRONG_PASSWORD);
  await expectSignedIn(page, email);

  const section = await askForNewAddress(page, next, "not-my-password");
  await expect(section.locator("#change-current-error")).toHaveText("The password is not right.");
  await askForNewAddress(page, next);
  await expect(section.getByRole("status")).toHaveText(`A confirmation link is on its way to ${next}. Your address changes when you open it.`);

  const told = await nextMailTo(email);
  expect(told.subject).toBe("Your Gatehouse e-mail address is being changed");
  expect(told.text).toContain(next);
  const link = await mailedLink(next, "/email/confirm");
  // Opening the link changes nothing (mail scanners open links); the button does.
  const visitor = await freshBrowser(browser);
  await visitor.page.goto(link);
  expect(queryDb<{ email: string }>("select email from users where id = ?", userId(email))[0]!.email).toBe(email);
  await visitor.page.getByRole("button", { name: "Confirm the new address" }).click();
  await expect(visitor.page).toHaveURL(/\/login\?notice=email-changed/);

  const row = queryDb<{ email: string; confirmed_at: unknown }>("select email, confirmed_at from users where email = ?", next)[0]!;
  expect(row.confirmed_at).not.toBeNull();
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await signIn(page, next, STRONG_PASSWORD);
  await expectSignedIn(page, next);
  await visitor.page.goto(link);
  await expect(visitor.page.getByRole("main").getByRole("alert")).toHaveText(LINK_INVALID);
  const actions = queryDb<{ action: string }>("select action from audit_log where record_id = ? order by id", userId(next)).map((r) => r.action);
  expect(actions).toEqual(expect.arrayContaining(["email-change-request", "email-change"]));
});

test("an address another account uses gets the same answer and no link", async ({ browser }) => {
  const email = newUser("taken");
  const { page } = await freshBrowser(browser);
  await signIn(page, email, STRONG_PASSWORD);
  await expectSignedIn(page, email);
  const section = await askForNewAddress(page, ACCOUNTS.endUser.email);
  await expect(section.getByRole("status")).toHaveText(`A confirmation link is on its way to ${ACCOUNTS.endUser.email}. Your address changes when you open it.`);
  await nextMailTo(email);
  expect(queryDb("select id from mail_outbox where to_address = ?", ACCOUNTS.endUser.email)).toEqual([]);
  expect(await mailsTo(ACCOUNTS.endUser.email)).toEqual([]);
});

test("security notices arrive, and their \"this was not me\" link ends every session once", async ({ browser }) => {
  const { email } = await enrolledUser(browser, "notices", "198.51.100.71");
  expect((await nextMailTo(email)).subject).toBe("Two-factor sign-in was turned on");

  // A password change through a reset tells the owner too.
  const other = await freshBrowser(browser);
  await other.page.goto("/password/forgot");
  await other.page.getByLabel("Email").fill(email);
  await other.page.getByRole("button", { name: "Send reset link" }).click();
  await other.page.goto(await mailedLink(email, "/password/reset"));
  await other.page.getByLabel("New password", { exact: true }).fill(CHANGED_PASSWORD);
  await other.page.getByLabel("Repeat new password").fill(CHANGED_PASSWORD);
  await other.page.getByRole("button", { name: "Set password" }).click();
  await expect(other.page).toHaveURL(/\/login\?notice=password-set/);
  const notice = await nextMailTo(email, 3);
  expect(notice.subject).toBe("Your Gatehouse password was changed");
  const notMe = (await mailsTo(email)).map((m) => m.text).join("\n").match(/https?:\/\/\S+\/not-me\?token=[\w-]+/g)!;
  expect(notMe).toHaveLength(2);

  const stamp = () => queryDb<{ security_stamp: string }>("select security_stamp from users where email = ?", email)[0]!.security_stamp;
  const before = stamp();
  const path = new URL(notMe[1]!).pathname + new URL(notMe[1]!).search;
  await other.page.goto(path);
  await other.page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(other.page.getByRole("status")).toContainText("Every session of the account has ended.");
  expect(stamp()).not.toBe(before);
  await other.page.goto(path);
  await expect(other.page.getByRole("main").getByRole("alert")).toHaveText(LINK_INVALID);
  expect(queryDb("select id from audit_log where record_id = ? and action = 'not-me'", userId(email))).toHaveLength(1);
});
