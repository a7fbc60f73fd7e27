import { expect, test, type Browser } from "@playwright/test";
import { STRONG_PASSWORD } from "./support/cli";
import { queryDb } from "./support/db";
import { mailsTo, nextMailTo } from "./support/mail";
import { LINK_INVALID, newUser } from "./support/mail-flows";
import { expectSignedIn, signIn } from "./support/session";
import { userId } from "./support/two-factor";

const SUBJECT = "New sign-in to your Gatehouse account";

/** A browser whose sign-ins come from `address` (the e2e server trusts one proxy's X-Forwarded-For). */
async function browserAt(browser: Browser, address: string) {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": address } });
  return context.newPage();
}

async function signInFrom(browser: Browser, email: string, address: string) {
  const page = await browserAt(browser, address);
  await signIn(page, email, STRONG_PASSWORD);
  await expectSignedIn(page, email);
  return page;
}

test("a sign-in from a new address is mailed to an owner who asked, and its \"this was not me\" link ends every session", async ({ browser }) => {
  const email = newUser("new-address");
  const id = userId(email);
  const notices = () => queryDb<{ subject: string; text_body: string | null }>("select subject, text_body from mail_outbox where to_address = ? order by id", email);
  const signInsFrom = (address: string) => queryDb("select id from audit_log where actor_id = ? and action = 'sign-in' and address = ?", id, address).length;

  // Off by default: a first sign-in, then one from a new address, tell nobody.
  const home = await signInFrom(browser, email, "192.0.2.151");
  await signInFrom(browser, email, "198.51.100.151");
  expect(signInsFrom("198.51.100.151")).toBe(1);
  expect(notices()).toEqual([]);

  // The owner turns it on at /account.
  await home.goto("/account");
  const section = home.getByRole("region", { name: "Sign-in notices" });
  const box = section.getByLabel("E-mail me when someone signs in to my account from a new address");
  await expect(box).not.toBeChecked();
  await box.check();
  await section.getByRole("button", { name: "Save" }).click();
  await expect(home).toHaveURL("/account?notice=sign-in-notice");
  await expect(section.getByRole("status")).toHaveText("Your choice was saved.");
  await expect(section.getByLabel("E-mail me when someone signs in to my account from a new address")).toBeChecked();
  expect(queryDb("select notify_new_sign_in_address as n from users where id = ?", id)).toEqual([{ n: 1 }]);
  expect(queryDb("select actor_email, summary from audit_log where action = 'sign-in-notice-change' and record_id = ?", id)).toEqual([{ actor_email: email, summary: "on" }]);

  // Addresses the account signed in from before, while it was off too, tell nothing.
  await signInFrom(browser, email, "198.51.100.151");
  await signInFrom(browser, email, "192.0.2.151");
  expect(signInsFrom("192.0.2.151")).toBe(2);
  expect(notices()).toEqual([]);

  // A new one is told, once, naming the address and the time.
  await signInFrom(browser, email, "203.0.113.151");
  const queued = notices();
  expect(queued.map((n) => n.subject)).toEqual([SUBJECT]);
  const mail = await nextMailTo(email);
  expect(mail.subject).toBe(SUBJECT);
  expect(mail.text).toMatch(/from the address 203\.0\.113\.151, which it had not been signed in from before, at \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\./);
  expect((await mailsTo(email)).filter((m) => m.subject === SUBJECT)).toHaveLength(1);
  const link = mail.text.match(/https?:\/\/\S+\/not-me\?token=[\w-]+/)?.[0];
  expect(link).toBeTruthy();

  // "This was not me" ends every session of the account, the owner's own included.
  const stamp = () => queryDb<{ security_stamp: string }>("select security_stamp from users where id = ?", id)[0]!.security_stamp;
  const before = stamp();
  const path = new URL(link!).pathname + new URL(link!).search;
  const reporter = await browserAt(browser, "192.0.2.152");
  await reporter.goto(path);
  await reporter.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(reporter.getByRole("status")).toContainText("Every session of the account has ended.");
  expect(stamp()).not.toBe(before);
  await home.goto("/account");
  await expect(home).toHaveURL(/\/login\?callbackUrl=/);
  expect(queryDb("select id from audit_log where record_id = ? and action = 'not-me'", id)).toHaveLength(1);
  await reporter.goto(path);
  await expect(reporter.getByRole("main").getByRole("alert")).toHaveText(LINK_INVALID);
});

test("turning the notices off again stops them", async ({ browser }) => {
  const email = newUser("new-address-off");
  const id = userId(email);
  const page = await signInFrom(browser, email, "192.0.2.161");
  const section = page.getByRole("region", { name: "Sign-in notices" });
  const box = section.getByLabel("E-mail me when someone signs in to my account from a new address");
  for (const on of [true, false]) {
    await page.goto("/account");
    await box.setChecked(on);
    await section.getByRole("button", { name: "Save" }).click();
    await expect(section.getByRole("status")).toHaveText("Your choice was saved.");
  }
  expect(queryDb("select notify_new_sign_in_address as n from users where id = ?", id)).toEqual([{ n: 0 }]);
  expect(queryDb<{ summary: string }>("select summary from audit_log where action = 'sign-in-notice-change' and record_id = ? order by id", id).map((r) => r.summary)).toEqual(["on", "off"]);
  await signInFrom(browser, email, "198.51.100.161");
  expect(queryDb("select id from mail_outbox where to_address = ?", email)).toEqual([]);
});
