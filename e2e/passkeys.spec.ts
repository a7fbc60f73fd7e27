import { expect, test } from "@playwright/test";
import { STRONG_PASSWORD } from "./support/cli";
import { queryDb } from "./support/db";
import { failures, newUserWithAuthenticator, passkeySignIn, passkeysOf, signOutHere } from "./support/passkeys";
import { expectSignedIn, signIn } from "./support/session";
import { auditActions, enrol, userId } from "./support/two-factor";
import { addPasskey, forgeAnswerId, forgeAnswerOrigin, replaceCredentials, storedCredentials } from "./support/webauthn";

/**
 * Passkeys with Chromium's virtual authenticator: added on /account, used to
 * sign in without a password or to answer the code step, and refused when
 * cloned or answered for another site. The authenticator lives in one page,
 * so signing out here clears the cookies and keeps the page.
 */

test("a passkey is added, signs in without a password, is renamed and removed", async ({ browser }) => {
  const { email, context, page } = await newUserWithAuthenticator(browser, "passkey-life", "198.51.100.61");
  await addPasskey(page, "Work laptop");
  const item = page.getByTestId("passkey");
  await expect(item).toContainText("Added");
  await expect(item).toContainText("Not used yet");
  expect(passkeysOf(email)).toHaveLength(1);

  await signOutHere(page);
  await passkeySignIn(page);
  await expectSignedIn(page, email);
  const [stored] = passkeysOf(email);
  expect(stored!.last_used_at).not.toBeNull();
  await page.goto("/account");
  await expect(page.getByTestId("passkey")).toContainText("Last used");

  await page.getByText("Rename").click();
  await page.getByLabel("New name for Work laptop").fill("Home desktop");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("The passkey was renamed.")).toBeVisible();
  expect(passkeysOf(email).map((p) => p.name)).toEqual(["Home desktop"]);

  // The only second factor: removing it turns two-factor off, so the password is asked for.
  await page.getByRole("button", { name: "Remove Home desktop" }).click();
  await expect(page.getByText("Enter your current password: this passkey is your only second factor.")).toBeVisible();
  expect(passkeysOf(email)).toHaveLength(1);
  await page.getByLabel("Password to remove Home desktop").fill(`${STRONG_PASSWORD}x`);
  await page.getByRole("button", { name: "Remove Home desktop" }).click();
  await expect(page.getByText("That password is not correct.")).toBeVisible();
  expect(passkeysOf(email)).toHaveLength(1);
  await page.getByLabel("Password to remove Home desktop").fill(STRONG_PASSWORD);
  await page.getByRole("button", { name: "Remove Home desktop" }).click();
  await expect(page.getByText("The passkey was removed.")).toBeVisible();
  await expect(page.getByText("You have no passkeys yet.")).toBeVisible();
  expect(passkeysOf(email)).toHaveLength(0);

  // The authenticator still holds it; the site no longer knows it.
  await signOutHere(page);
  await passkeySignIn(page);
  await expect(page.getByRole("alert").getByText("That passkey could not be used to sign in.")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  // Whose it was is not known any more: the refusal is filed under the address it came from.
  const unknown = queryDb<{ record_id: string | null }>("select record_id from audit_log where action = 'passkey-failed' and summary = 'unknown passkey' and address = ?", "198.51.100.61");
  expect(unknown).toEqual([{ record_id: null }]);
  const actions = auditActions(userId(email)).map((a) => a.action);
  for (const action of ["passkey-added", "passkey-used", "passkey-renamed", "passkey-removed"]) expect(actions).toContain(action);
  await context.close();
});

test("right after signing in, adding a passkey needs no password (the sign-in is the proof)", async ({ browser }) => {
  const { email, context, page } = await newUserWithAuthenticator(browser, "passkey-proof", "198.51.100.62");
  await page.goto("/account");
  const form = page.getByRole("form", { name: "Add a passkey" });
  await form.getByLabel("Passkey name").fill("Phone");
  // A fresh sign-in (under five minutes) counts as the proof: the field may stay empty.
  await form.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByText("The passkey was added.")).toBeVisible();
  expect(passkeysOf(email)).toHaveLength(1);
  await context.close();
});

test("a passkey answers the code step of a two-factor account, and a verified passkey sign-in counts as both factors", async ({ browser }) => {
  const { email, context, page } = await newUserWithAuthenticator(browser, "passkey-2fa", "198.51.100.63");
  await enrol(page);
  await addPasskey(page, "Security key");

  // Password first: the code step offers the passkey instead of a code.
  await signOutHere(page);
  await signIn(page, email, STRONG_PASSWORD);
  await expect(page).toHaveURL(/\/login\?step=code/);
  await page.getByRole("button", { name: "Use a passkey instead" }).click();
  await expectSignedIn(page, email);

  // No password: the authenticator verified the user, so there is no code step.
  await signOutHere(page);
  await passkeySignIn(page);
  await expectSignedIn(page, email);
  const actions = auditActions(userId(email)).map((a) => a.action);
  expect(actions.filter((a) => a === "passkey-used")).toHaveLength(2);
  expect(actions.filter((a) => a === "sign-in").length).toBeGreaterThanOrEqual(3);
  await context.close();
});

test("a passkey alone puts the password sign-in through the code step, which the passkey answers", async ({ browser }) => {
  const { email, context, page } = await newUserWithAuthenticator(browser, "passkey-only", "198.51.100.64");
  await addPasskey(page, "Laptop");
  await signOutHere(page);
  await signIn(page, email, STRONG_PASSWORD);
  await expect(page).toHaveURL(/\/login\?step=code/);
  // No authenticator app: no code field, only the passkey.
  await expect(page.getByLabel("Authentication code")).toHaveCount(0);
  await expect(page.getByText("Confirm this sign-in with one of your passkeys")).toBeVisible();
  await page.getByRole("button", { name: "Use a passkey instead" }).click();
  await expectSignedIn(page, email);
  await context.close();
});

test("the e-mail field's autofill offers the passkey and signs in with it", async ({ browser }) => {
  const { email, context, page } = await newUserWithAuthenticator(browser, "passkey-autofill", "198.51.100.66", { autofill: true });
  await addPasskey(page, "Laptop");
  await signOutHere(page);
  // The virtual authenticator picks the offered passkey as soon as the page asks.
  await expectSignedIn(page, email);
  expect(auditActions(userId(email)).map((a) => a.action)).toContain("passkey-used");
  await context.close();
});

test("a cloned passkey whose counter went backwards is refused and audited", async ({ browser }) => {
  const { email, context, page, authenticator } = await newUserWithAuthenticator(browser, "passkey-clone", "198.51.100.67");
  await addPasskey(page, "Laptop");
  const [original] = await storedCredentials(authenticator);
  await signOutHere(page);
  await passkeySignIn(page);
  await expectSignedIn(page, email);
  const [used] = passkeysOf(email);
  expect(Number(used!.counter)).toBeGreaterThan(original!.signCount);

  // A copy of the key as it was before that sign-in: its next count is one the site has already seen.
  await replaceCredentials(authenticator, [original!]);
  await signOutHere(page);
  await passkeySignIn(page);
  await expect(page.getByRole("alert").getByText("That passkey could not be used to sign in.")).toBeVisible();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login/);
  expect(failures(email).map((f) => f.summary)).toEqual(["signature counter went backwards"]);
  expect(Number(passkeysOf(email)[0]!.counter)).toBe(Number(used!.counter));
  await context.close();
});

test("an answer made for another site is refused, when adding a passkey and when signing in", async ({ browser }) => {
  const { email, context, page } = await newUserWithAuthenticator(browser, "passkey-origin", "198.51.100.68");
  const evil = "http://evil.localhost:3999";
  await page.goto("/account");
  await forgeAnswerOrigin(page, evil);
  const form = page.getByRole("form", { name: "Add a passkey" });
  await form.getByLabel("Passkey name").fill("Phished");
  await form.getByLabel("Confirm with your password").fill(STRONG_PASSWORD);
  await form.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByRole("alert").getByText("The passkey could not be added: its answer is not valid for this site.")).toBeVisible();
  expect(passkeysOf(email)).toHaveLength(0);
  await page.unrouteAll();

  await addPasskey(page, "Laptop");
  await signOutHere(page);
  await forgeAnswerOrigin(page, evil);
  await passkeySignIn(page);
  await expect(page.getByRole("alert").getByText("That passkey could not be used to sign in.")).toBeVisible();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login/);
  expect(failures(email).map((f) => f.summary)).toEqual(["registration not valid for this site and challenge", "answer not valid for this site and challenge"]);
  await context.close();
});

test("an answer naming a made-up passkey id, as long as an answer may be, is refused and audited, not an error", async ({ browser }) => {
  const { email, context, page } = await newUserWithAuthenticator(browser, "passkey-long-id", "198.51.100.69");
  await addPasskey(page, "Laptop");
  await signOutHere(page);
  // The id keys the sign-in throttle: longer than a throttle row's key column.
  await forgeAnswerId(page, "A".repeat(1000));
  await passkeySignIn(page);
  await expect(page.getByRole("alert").getByText("That passkey could not be used to sign in.")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  expect(queryDb("select summary from audit_log where action = 'passkey-failed' and address = ?", "198.51.100.69")).toEqual([{ summary: "unknown passkey" }]);
  expect(passkeysOf(email)[0]!.last_used_at).toBeNull();
  await context.close();
});
