import { expect, test } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { cli, STRONG_PASSWORD, uniqueEmail } from "./support/cli";
import { queryDb } from "./support/db";
import { expectSignedIn, signIn } from "./support/session";
import { nextCode, wrongCode } from "./support/totp";
import { atCodeStep, enrolledUser, ensureRole, REQUIRED_ROLE, signedInWithCode, startEnrolment, submitCode, userId } from "./support/two-factor";

// Codes are single-use per 30-second step, so a test may wait for the next step.
test.describe.configure({ timeout: 150_000 });

const WRONG_CODE = "That code is not correct, or it has already been used.";

/** What a sign-in changes on the user's row. */
const trackable = (id: string) =>
  queryDb<Record<string, unknown>>("select login_count, current_login_ip, current_login_at, last_login_ip, last_login_at from users where id = ?", id)[0];

const auditRows = (id: string, action: string) => queryDb<{ address: string | null; summary: string | null }>("select address, summary from audit_log where record_id = ? and action = ? order by id", id, action);

const twoFactorState = (id: string) => ({
  enabled: queryDb("select 1 from users where id = ? and totp_enabled_at is not null", id).length,
  codes: queryDb<{ code_hash: string }>("select code_hash from recovery_codes where user_id = ? order by code_hash", id).map((r) => r.code_hash),
});

test.describe("a sign-in is counted when the session is issued", () => {
  test("the password alone (two-factor on) leaves the sign-in count, addresses and sign-in entries untouched, and is audited as its own event", async ({ browser }) => {
    const { email, auth } = await enrolledUser(browser, "password-only");
    const id = userId(email);
    const before = trackable(id);
    const signInsBefore = auditRows(id, "sign-in").length;

    // Someone who knows only the password passes the first step from their address.
    const attacker = await atCodeStep(browser, email, "203.0.113.66");
    expect((await attacker.context.request.get("/account", { maxRedirects: 0 })).status()).toBe(307);
    expect(trackable(id)).toEqual(before);
    expect(auditRows(id, "sign-in")).toHaveLength(signInsBefore);
    expect(auditRows(id, "password-ok-awaiting-code")).toEqual([expect.objectContaining({ address: "203.0.113.66" })]);
    await attacker.context.close();

    // The owner passes both steps: now it is a sign-in, from the owner's address.
    const owner = await signedInWithCode(browser, email, auth, "198.51.100.67");
    const after = trackable(id)!;
    expect(after.login_count).toBe(Number(before!.login_count) + 1);
    expect(after.current_login_ip).toBe("198.51.100.67");
    expect(after.last_login_ip).toBe(before!.current_login_ip);
    expect(auditRows(id, "sign-in").map((r) => r.address)).toEqual([...Array(signInsBefore).fill(expect.anything()), "198.51.100.67"]);
    await owner.page.goto("/account");
    await expect(owner.page.getByTestId("current-sign-in")).toContainText("198.51.100.67");
    await owner.context.close();
  });

  test("a right password without the code does not clear that address's failed sign-ins", async ({ browser }) => {
    const { email, auth } = await enrolledUser(browser, "no-reset");
    const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.68" } });
    const page = await context.newPage();
    // LOGIN_MAX_FAILURES (5) attempts per account and address: four wrong, one right without the code…
    for (let i = 0; i < 4; i++) {
      await signIn(page, email, "not-the-password");
      await expect(page.getByRole("main").getByRole("alert")).toHaveText("Invalid email or password.");
    }
    await signIn(page, email, STRONG_PASSWORD);
    await expect(page).toHaveURL(/\/login\?step=code/);
    // …and this address has used them all up: the right password did not reset its count.
    await context.clearCookies();
    await signIn(page, email, "not-the-password");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(/Too many failed sign-ins/);
    await context.close();
    // The owner elsewhere signs in all the same.
    await (await signedInWithCode(browser, email, auth, "198.51.100.69")).context.close();
  });
});

test("the code step: another browser's wrong codes do not lock the owner out", async ({ browser }) => {
  const { email, auth } = await enrolledUser(browser, "code-lockout");
  const id = userId(email);
  // Someone who knows the password guesses codes until refused.
  const attacker = await atCodeStep(browser, email, "203.0.113.70");
  for (let i = 0; i < 5; i++) {
    await submitCode(attacker.page, wrongCode(auth.key));
    await expect(attacker.page.getByRole("main").getByRole("alert")).toHaveText(WRONG_CODE);
    await attacker.page.getByLabel("Authentication code").fill("");
  }
  await submitCode(attacker.page, wrongCode(auth.key));
  await expect(attacker.page.getByRole("main").getByRole("alert")).toHaveText(/Too many attempts/);
  expect(auditRows(id, "two-factor-throttled").map((r) => r.address)).toEqual(["203.0.113.70"]);
  await attacker.context.close();

  // The owner, in their own browser, signs in with the right code.
  const owner = await signedInWithCode(browser, email, auth, "198.51.100.71");
  expect(auditRows(id, "two-factor-passed").map((r) => r.address)).toEqual(["198.51.100.71"]);
  await owner.context.close();
});

test.describe("changing two-factor on /account needs the current password", () => {
  test("a session without the password cannot turn two-factor on; wrong passwords and codes are audited", async ({ browser }) => {
    const email = uniqueEmail("enrol-password");
    cli(["users", "create", "--email", email], `${STRONG_PASSWORD}\n`);
    const id = userId(email);
    const page = await (await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.72" } })).newPage();
    await signIn(page, email, STRONG_PASSWORD);
    await expectSignedIn(page, email);
    const key = await startEnrolment(page);
    const { code } = await nextCode(key, 0);

    // A stolen session: the thief scans the key into their app, but cannot give the password.
    await page.getByLabel("Authentication code").fill(code);
    await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
    await expect(page.getByText("The password is not correct.")).toBeVisible();
    expect(twoFactorState(id)).toEqual({ enabled: 0, codes: [] });

    // Each attempt on a fresh form, so that an error still shown from the last one is not mistaken for its answer.
    await page.reload();
    await page.getByLabel("Current password").fill("not-my-password");
    await page.getByLabel("Authentication code").fill(code);
    await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
    await expect(page.locator("#enrol-password-error")).toHaveText("The password is not correct.");
    await expect(page.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");
    expect(twoFactorState(id)).toEqual({ enabled: 0, codes: [] });

    await page.reload();
    await page.getByLabel("Current password").fill(STRONG_PASSWORD);
    await page.getByLabel("Authentication code").fill(wrongCode(key));
    await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
    await expect(page.locator("#enrol-code-error")).toContainText("That code is not correct.");
    expect(twoFactorState(id)).toEqual({ enabled: 0, codes: [] });
    expect(auditRows(id, "password-failed")).toEqual([
      { address: "203.0.113.72", summary: "Turn on two-factor" },
      { address: "203.0.113.72", summary: "Turn on two-factor" },
    ]);
    expect(auditRows(id, "two-factor-failed")).toEqual([{ address: "203.0.113.72", summary: "Turn on two-factor" }]);

    await page.reload();
    await page.getByLabel("Current password").fill(STRONG_PASSWORD);
    await page.getByLabel("Authentication code").fill(code);
    await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
    await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
    expect(twoFactorState(id).enabled).toBe(1);
  });

  test("new recovery codes and turning off need the password as well as a code; failures are audited", async ({ browser }) => {
    const { email, auth } = await enrolledUser(browser, "manage-password");
    const id = userId(email);
    const { page } = await signedInWithCode(browser, email, auth, "203.0.113.73");
    const before = twoFactorState(id);

    const codes = { region: "Recovery codes", button: "Make new recovery codes", id: "regenerate" };
    const off = { region: "Turn off two-factor authentication", button: "Turn off two-factor authentication", id: "disable" };
    // Each attempt on a fresh form, so that an error still shown from the last one is not mistaken for its answer.
    const refused = async (form: typeof codes, password: string, code: string, field: "password" | "code", error: string) => {
      await page.goto("/account/two-factor");
      const region = page.getByRole("region", { name: form.region });
      if (password) await region.getByLabel("Current password").fill(password);
      await region.getByLabel("Authentication code").fill(code);
      await region.getByRole("button", { name: form.button }).click();
      await expect(region.locator(`#${form.id}-${field}-error`)).toHaveText(error);
      expect(twoFactorState(id)).toEqual(before);
    };
    // A stolen session with a right code (say, a recovery code seen) but no password.
    await refused(codes, "", auth.recoveryCodes[0]!, "password", "The password is not correct.");
    await refused(codes, "not-my-password", auth.recoveryCodes[0]!, "password", "The password is not correct.");
    await refused(codes, STRONG_PASSWORD, wrongCode(auth.key), "code", WRONG_CODE);
    await refused(off, "not-my-password", (await nextCode(auth.key, auth.lastStep)).code, "password", "The password is not correct.");
    await refused(off, STRONG_PASSWORD, wrongCode(auth.key), "code", WRONG_CODE);
    // No recovery code was spent by the refused forms.
    expect(queryDb("select 1 from recovery_codes where user_id = ? and used_at is not null", id)).toHaveLength(0);

    const summaries = (action: string) => auditRows(id, action).map((r) => `${r.address} ${r.summary}`);
    expect(summaries("password-failed")).toEqual(["203.0.113.73 Make new recovery codes", "203.0.113.73 Make new recovery codes", "203.0.113.73 Turn off two-factor"]);
    expect(summaries("two-factor-failed")).toEqual(["203.0.113.73 Make new recovery codes", "203.0.113.73 Turn off two-factor"]);
  });
});

test.describe("roles that require two-factor", () => {
  test.use({ storageState: ACCOUNTS.admin.state });

  test("cannot be renamed, even by an admin with a forged form", async ({ page }) => {
    ensureRole(REQUIRED_ROLE, "Must sign in with two-factor");
    const [role] = queryDb<{ id: number }>("select id from roles where name = ?", REQUIRED_ROLE);
    await page.goto(`/admin/roles/${role!.id}/edit`);
    await expect(page.getByLabel("Name")).not.toBeEditable();
    await expect(page.getByText("cannot be renamed, or its members would no longer need it")).toBeVisible();
    await page.getByLabel("Name").evaluate((el: HTMLInputElement) => (el.readOnly = false));
    await page.getByLabel("Name").fill("no-two-factor-needed");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.locator("#name-error")).toContainText("cannot be renamed");
    expect(queryDb<{ name: string }>("select name from roles where id = ?", role!.id)).toEqual([{ name: REQUIRED_ROLE }]);
  });
});
