import { expect, test } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { cli, STRONG_PASSWORD, uniqueEmail } from "./support/cli";
import { queryDb } from "./support/db";
import { expectSignedIn, signIn } from "./support/session";
import { nextCode, wrongCode } from "./support/totp";
import { auditActions, confirmEnrolment, enrolledUser, ensureRole, REQUIRED_ROLE, signedInWithCode, userId } from "./support/two-factor";

// Codes are single-use per 30-second step, so a test may wait for the next step.
test.describe.configure({ timeout: 150_000 });


const twoFactorRows = (id: string) => ({
  enabled: queryDb("select 1 from users where id = ? and totp_enabled_at is not null", id).length,
  secrets: queryDb("select 1 from users where id = ? and totp_secret is not null", id).length,
  recovery: queryDb("select 1 from recovery_codes where user_id = ?", id).length,
});

test.describe("two-factor management", () => {
  test("REQUIRE_2FA_ROLES sends an admin without two-factor to set-up and blocks /admin until done", async ({ browser }) => {
    ensureRole(REQUIRED_ROLE, "Must sign in with two-factor");
    const email = uniqueEmail("required-admin");
    cli(["users", "create", "--email", email, "--role", "admin", "--role", REQUIRED_ROLE], `${STRONG_PASSWORD}\n`);
    try {
      const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.40" } });
      const page = await context.newPage();
      await signIn(page, email, STRONG_PASSWORD, "/login?callbackUrl=%2Fadmin");
      await expect(page).toHaveURL(/\/account\/two-factor$/);
      await expect(page.getByText("Your role requires two-factor authentication. Set it up to continue.")).toBeVisible();
      for (const path of ["/admin", "/admin/users", "/admin/items/new", "/", "/account"]) {
        await page.goto(path);
        await expect(page, path).toHaveURL(/\/account\/two-factor$/);
      }
      const exported = await context.request.get("/admin/users/export", { maxRedirects: 0 });
      expect(exported.status()).toBe(403);
      expect(await exported.text()).not.toContain(ACCOUNTS.admin.email);

      await page.goto("/account/two-factor");
      await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
      const key = (await page.getByTestId("totp-key").innerText()).trim();
      await confirmEnrolment(page, key);
      await page.getByRole("button", { name: "I have saved them" }).click();
      await expect(page).toHaveURL(/\/account$/);
      await page.goto("/admin");
      await expect(page).toHaveURL(/\/admin$/);
      await expect(page.getByRole("link", { name: "Users" }).first()).toBeVisible();
      expect((await context.request.get("/admin/users/export", { maxRedirects: 0 })).status()).toBe(200);
      await context.close();
    } finally {
      // Leave the demo admin the only active admin for the tests that count them.
      cli(["users", "deactivate", email]);
    }
  });

  test("an admin resets a user's two-factor from the user's page: audited, their sessions end", async ({ browser }) => {
    const { email, auth } = await enrolledUser(browser, "admin-reset");
    const id = userId(email);
    const user = await signedInWithCode(browser, email, auth, "198.51.100.41");

    const admin = await (await browser.newContext({ storageState: ACCOUNTS.admin.state })).newPage();
    await admin.goto(`/admin/users/${id}`);
    const panel = admin.getByRole("region", { name: "Two-factor authentication" });
    await expect(panel.getByTestId("two-factor-state")).toHaveText("On");
    await panel.getByRole("button", { name: "Reset two-factor authentication" }).click();
    await expect(panel.getByRole("status")).toContainText("Two-factor authentication was reset");
    await expect(panel.getByTestId("two-factor-state")).toHaveText("Off");
    expect(twoFactorRows(id)).toEqual({ enabled: 0, secrets: 0, recovery: 0 });
    expect(auditActions(id)).toContainEqual({ action: "two-factor-reset", actor_email: ACCOUNTS.admin.email });

    await user.page.goto("/account");
    await expect(user.page).toHaveURL(/\/login/);
    const again = await (await browser.newContext()).newPage();
    await signIn(again, email, STRONG_PASSWORD);
    await expectSignedIn(again, email);
  });

  test("the CLI resets a user's two-factor (users reset-2fa)", async ({ browser }) => {
    const { email } = await enrolledUser(browser, "cli-reset");
    const id = userId(email);
    expect(cli(["users", "reset-2fa", email])).toContain("Two-factor authentication reset");
    expect(twoFactorRows(id)).toEqual({ enabled: 0, secrets: 0, recovery: 0 });
    expect(auditActions(id).map((a) => a.action)).toContain("two-factor-reset");
    const page = await (await browser.newContext()).newPage();
    await signIn(page, email, STRONG_PASSWORD);
    await expectSignedIn(page, email);
  });

  test("the owner makes new recovery codes with password and code, and turns two-factor off with password and code", async ({ browser }) => {
    const { email, auth } = await enrolledUser(browser, "manage");
    const id = userId(email);
    const { page } = await signedInWithCode(browser, email, auth, "198.51.100.42");
    await page.goto("/account/two-factor");

    const codes = page.getByRole("region", { name: "Recovery codes" });
    await codes.getByLabel("Current password").fill(STRONG_PASSWORD);
    await codes.getByLabel("Authentication code").fill(wrongCode(auth.key));
    await codes.getByRole("button", { name: "Make new recovery codes" }).click();
    await expect(codes.getByText("That code is not correct, or it has already been used.")).toBeVisible();
    let next = await nextCode(auth.key, auth.lastStep);
    auth.lastStep = next.step;
    await codes.getByLabel("Current password").fill(STRONG_PASSWORD);
    await codes.getByLabel("Authentication code").fill(next.code);
    await codes.getByRole("button", { name: "Make new recovery codes" }).click();
    const list = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
    await expect(list).toHaveCount(10);
    const fresh = await list.allInnerTexts();
    const made = page.getByRole("status").filter({ hasText: "New recovery codes were made." });
    await expect(made).toBeFocused();
    expect(fresh).not.toContain(auth.recoveryCodes[0]);
    await page.getByRole("button", { name: "I have saved them" }).click();
    await expect(page).toHaveURL(/\/account$/);
    expect(auditActions(id).map((a) => a.action)).toContain("recovery-codes-regenerate");

    await page.goto("/account/two-factor");
    const off = page.getByRole("region", { name: "Turn off two-factor authentication" });
    next = await nextCode(auth.key, auth.lastStep);
    await off.getByLabel("Current password").fill("not-my-password");
    await off.getByLabel("Authentication code").fill(next.code);
    await off.getByRole("button", { name: "Turn off two-factor authentication" }).click();
    await expect(off.getByText("The password is not correct.")).toBeVisible();
    expect(twoFactorRows(id).enabled).toBe(1);
    await off.getByLabel("Current password").fill(STRONG_PASSWORD);
    await off.getByLabel("Authentication code").fill(next.code);
    await off.getByRole("button", { name: "Turn off two-factor authentication" }).click();
    await expect(page.getByRole("status")).toHaveText("Two-factor authentication is off.");
    await expect(page.getByRole("status")).toBeFocused();
    expect(twoFactorRows(id)).toEqual({ enabled: 0, secrets: 0, recovery: 0 });
    expect(auditActions(id).map((a) => a.action)).toContain("two-factor-disable");

    // This browser stays signed in; a new sign-in needs only the password; an old recovery code is gone.
    await page.goto("/account");
    await expectSignedIn(page, email);
    const again = await (await browser.newContext()).newPage();
    await signIn(again, email, STRONG_PASSWORD);
    await expectSignedIn(again, email);
  });
});
