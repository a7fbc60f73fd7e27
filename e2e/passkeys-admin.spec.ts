import { expect, test, type Browser } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { actionArgs, captureAction, replayAction } from "./support/actions";
import { cli, STRONG_PASSWORD } from "./support/cli";
import { newUserWithAuthenticator, passkeySignIn, passkeysOf, signOutHere } from "./support/passkeys";
import { expectSignedIn } from "./support/session";
import { auditActions, ensureRole, REQUIRED_ROLE, userId } from "./support/two-factor";
import { addPasskey, addVirtualAuthenticator, replaceCredentials, storedCredentials, withoutPasskeyAutofill, type VirtualAuthenticator } from "./support/webauthn";

async function newBrowserWithCopy(browser: Browser, from: VirtualAuthenticator, address: string) {
  const page = await (await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": address } })).newPage();
  await withoutPasskeyAutofill(page);
  await replaceCredentials(await addVirtualAuthenticator(page), await storedCredentials(from));
  return page;
}

/** Passkeys and the rest of the account's security: revocation, the admin's and the CLI's removal, REQUIRE_2FA_ROLES, replays. */

test("an admin's and the CLI's removal end no session; signing out everywhere and deactivation end passkey sessions", async ({ browser }) => {
  const { email, context, page, authenticator } = await newUserWithAuthenticator(browser, "passkey-admin", "198.51.100.71");
  const id = userId(email);
  await addPasskey(page, "Laptop");
  await signOutHere(page);
  await passkeySignIn(page);
  await expectSignedIn(page, email);

  const admin = await (await browser.newContext({ storageState: ACCOUNTS.admin.state })).newPage();
  await admin.goto(`/admin/users/${id}`);
  const panel = admin.getByRole("region", { name: "Passkeys" });
  await expect(panel.getByTestId("passkey-count")).toHaveText("1 passkey.");
  await panel.getByRole("button", { name: "Remove passkeys" }).click();
  await expect(panel.getByRole("status")).toContainText("The user’s passkeys were removed.");
  await expect(panel.getByTestId("passkey-count")).toHaveText("No passkeys.");
  expect(passkeysOf(email)).toHaveLength(0);
  expect(auditActions(id)).toContainEqual({ action: "passkeys-reset", actor_email: ACCOUNTS.admin.email });
  // Nothing else changed: the session the passkey opened goes on.
  await page.goto("/account");
  await expectSignedIn(page, email);

  await addPasskey(page, "Laptop again");
  expect(cli(["users", "reset-passkeys", email])).toContain(`Removed 1 passkey of ${email}.`);
  expect(passkeysOf(email)).toHaveLength(0);
  await page.goto("/account");
  await expectSignedIn(page, email);

  await addPasskey(page, "Laptop once more");
  await signOutHere(page);
  await passkeySignIn(page);
  await expectSignedIn(page, email);
  // A second browser with a copy of the passkey: a passkey session of its own.
  const second = await newBrowserWithCopy(browser, authenticator, "198.51.100.72");
  await passkeySignIn(second);
  await expectSignedIn(second, email);
  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/login/);
  await second.goto("/account");
  await expect(second).toHaveURL(/\/login/);

  await passkeySignIn(second);
  await expectSignedIn(second, email);
  cli(["users", "deactivate", email]);
  await second.goto("/account");
  await expect(second).toHaveURL(/\/login/);
  await second.context().close();
  await admin.context().close();
  await context.close();
});

test("a passkey satisfies REQUIRE_2FA_ROLES, added on the set-up page", async ({ browser }) => {
  ensureRole(REQUIRED_ROLE, "Must sign in with two-factor");
  const { email, context, page } = await newUserWithAuthenticator(browser, "passkey-required", "198.51.100.73", { roles: [REQUIRED_ROLE] });
  await expect(page).toHaveURL(/\/account\/two-factor$/);
  await expect(page.getByRole("heading", { name: "Passkeys" })).toBeVisible();
  await addPasskey(page, "Security key");
  await expect(page).toHaveURL(/\/account\?notice=passkey-added/);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/account$/);
  await expectSignedIn(page, email);
  await context.close();
});

test("a passkey sign-in answer replayed with the same cookies opens no second session", async ({ browser }) => {
  const { email, context, page } = await newUserWithAuthenticator(browser, "passkey-replay", "198.51.100.74");
  await addPasskey(page, "Laptop");
  await signOutHere(page);
  const posted = page.waitForRequest((r) => r.method() === "POST" && !!r.postData()?.includes("clientDataJSON"));
  await passkeySignIn(page);
  const request = await posted;
  const headers = await request.allHeaders();
  await expectSignedIn(page, email);

  const attacker = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.75" } });
  const replayed = await attacker.request.post(request.url(), { headers, data: request.postDataBuffer()!, maxRedirects: 0 });
  expect(replayed.headers()["set-cookie"] ?? "").not.toContain("authjs.session-token");
  const look = await attacker.newPage();
  await look.goto("/account");
  await expect(look).toHaveURL(/\/login/);
  expect(auditActions(userId(email)).filter((a) => a.action === "passkey-used")).toHaveLength(1);
  await attacker.close();
  await context.close();
});

test("another user's passkey cannot be removed or renamed by replaying the form, nor all of them by someone not an admin", async ({ browser }) => {
  const { email, context, page } = await newUserWithAuthenticator(browser, "passkey-victim", "198.51.100.76");
  await addPasskey(page, "Laptop");
  const remove = await captureAction(page, page.getByRole("button", { name: "Remove Laptop" }));
  await page.goto("/account");
  await page.getByText("Rename").click();
  await page.getByLabel("New name for Laptop").fill("Mine");
  const rename = await captureAction(page, page.getByRole("button", { name: "Save name" }));
  const admin = await (await browser.newContext({ storageState: ACCOUNTS.admin.state })).newPage();
  await admin.goto(`/admin/users/${userId(email)}`);
  const removeAll = await captureAction(admin, admin.getByRole("button", { name: "Remove passkeys" }));

  const someone = await browser.newContext({ storageState: ACCOUNTS.endUser.state });
  await replayAction(someone.request, remove);
  await replayAction(someone.request, rename, { form: { name: "Stolen" } });
  const refused = await replayAction(someone.request, removeAll);
  expect(refused.status()).toBe(403);
  // An admin naming a user that does not exist gets the answer of a missing record.
  const missing = actionArgs(removeAll);
  missing[0] = "00000000-0000-4000-8000-000000000000";
  expect((await replayAction(admin.context().request, removeAll, { args: missing })).status()).toBe(404);
  expect(passkeysOf(email).map((p) => p.name)).toEqual(["Laptop"]);
  expect(auditActions(userId(email)).map((a) => a.action)).not.toContain("passkey-removed");
  await someone.close();
  await admin.context().close();
  await context.close();
});

test("a stolen session cannot turn two-factor off by removing passkeys, one at a time or two at once", async ({ browser }) => {
  const { email, context, page, authenticator } = await newUserWithAuthenticator(browser, "passkey-stolen", "198.51.100.77");
  await addPasskey(page, "Laptop");
  // A second authenticator's passkey: this one forgets the first, so the browser makes a new one.
  await replaceCredentials(authenticator, []);
  await addPasskey(page, "Phone");
  // With two passkeys, removing one leaves a second factor: no password is asked.
  await expect(page.getByLabel(/^Password to remove/)).toHaveCount(0);
  const laptop = await captureAction(page, page.getByRole("button", { name: "Remove Laptop" }));
  await page.goto("/account");
  const phone = await captureAction(page, page.getByRole("button", { name: "Remove Phone" }));

  // Someone holding the session, not the password, sends both removals at once: one goes, the last one stays.
  const answers = await Promise.all([replayAction(page.request, laptop), replayAction(page.request, phone)]);
  for (const answer of answers) expect(answer.status()).toBeLessThan(500);
  const left = passkeysOf(email);
  expect(left).toHaveLength(1);
  const last = left[0]!.name === "Laptop" ? laptop : phone;
  // The last one, alone or with a wrong password, stays too.
  expect(await (await replayAction(page.request, last)).text()).toContain("Enter your current password: this passkey is your only second factor.");
  expect(await (await replayAction(page.request, last, { form: { password: "not-the-password" } })).text()).toContain("That password is not correct.");
  expect(passkeysOf(email)).toHaveLength(1);
  expect(auditActions(userId(email)).filter((a) => a.action === "passkey-removed")).toHaveLength(1);

  // The owner, with the password, removes it from the page.
  await page.goto("/account");
  await page.getByLabel(`Password to remove ${left[0]!.name}`).fill(STRONG_PASSWORD);
  await page.getByRole("button", { name: `Remove ${left[0]!.name}` }).click();
  await expect(page.getByText("The passkey was removed.")).toBeVisible();
  expect(passkeysOf(email)).toHaveLength(0);
  await context.close();
});
