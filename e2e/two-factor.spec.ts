import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { cli, STRONG_PASSWORD, uniqueEmail } from "./support/cli";
import { queryDb } from "./support/db";
import { expectSignedIn, signIn } from "./support/session";
import { wrongCode } from "./support/totp";
import { atCodeStep, auditActions, expectAccessible, confirmEnrolment, enrolledUser, enterNextCode, startEnrolment, submitCode, userId } from "./support/two-factor";

// Codes are single-use per 30-second step, so a test may wait for the next step.
test.describe.configure({ timeout: 150_000 });

test.describe("two-factor sign-in", () => {
  test("enrolment shows a QR code, the key and the URI, refuses a wrong code and shows recovery codes once", async ({ browser }) => {
    const email = uniqueEmail("enrol");
    cli(["users", "create", "--email", email], `${STRONG_PASSWORD}\n`);
    const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await signIn(page, email, STRONG_PASSWORD);
    await expectSignedIn(page, email);

    const key = await startEnrolment(page);
    await expect(page.getByRole("img", { name: "QR code for your authenticator app" }).locator("svg")).toBeVisible();
    const uri = await page.getByTestId("otpauth-uri").textContent();
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(new URL(uri!).searchParams.get("secret")).toBe(key.replace(/ /g, ""));
    await expectAccessible(page);

    await page.getByLabel("Current password").fill(STRONG_PASSWORD);
    await page.getByLabel("Authentication code").fill(wrongCode(key));
    await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
    await expect(page.getByText("That code is not correct.")).toBeVisible();
    await expect(page.getByLabel("Authentication code")).toHaveAttribute("aria-invalid", "true");
    const id = userId(email);
    expect(queryDb("select 1 from users where id = ? and totp_enabled_at is not null", id)).toHaveLength(0);

    const auth = await confirmEnrolment(page, key);
    await expect(page).toHaveURL("/account/two-factor?notice=on");
    await expect(page.getByRole("status").filter({ hasText: "Two-factor authentication is on." })).toBeFocused();
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download recovery codes" }).click();
    const text = fs.readFileSync(await (await download).path(), "utf8");
    for (const code of auth.recoveryCodes) expect(text).toContain(code);

    // Only hashes are stored; the secret is stored encrypted; both shown once only.
    const stored = queryDb<{ code_hash: string }>("select code_hash from recovery_codes where user_id = ?", id).map((r) => r.code_hash);
    expect(stored).toHaveLength(10);
    for (const code of auth.recoveryCodes) expect(stored.join(" ")).not.toContain(code.replace("-", ""));
    const [row] = queryDb<{ totp_secret: string }>("select totp_secret from users where id = ?", id);
    expect(row!.totp_secret).not.toContain(key.replace(/ /g, ""));
    expect(auditActions(id).map((a) => a.action)).toContain("two-factor-enable");

    await page.getByRole("button", { name: "I have saved them" }).click();
    await expect(page).toHaveURL(/\/account$/);
    await page.goto("/account/two-factor");
    await expect(page.getByTestId("recovery-codes-left")).toContainText("10 of 10");
    await expect(page.getByRole("list", { name: "Recovery codes" })).toHaveCount(0);
    await expect(page.getByTestId("totp-key")).toHaveCount(0);
    await expect(page.locator("body")).not.toContainText(key);
  });

  test("sign-in asks for the code after the password; wrong and reused codes are refused", async ({ browser }) => {
    const { email, auth } = await enrolledUser(browser, "code");
    const id = userId(email);

    // A wrong password still gets the one generic answer and no code step.
    const other = await (await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.21" } })).newPage();
    await signIn(other, email, "not-the-password");
    await expect(other.getByRole("main").getByRole("alert")).toHaveText("Invalid email or password.");
    await expect(other.getByLabel("Authentication code")).toHaveCount(0);

    const { context, page } = await atCodeStep(browser, email);
    // No session yet.
    const early = await context.request.get("/account", { maxRedirects: 0 });
    expect(early.status()).toBe(307);
    expect(early.headers().location).toContain("/login");
    // The challenge belongs to this browser only.
    await other.goto("/login?step=code");
    await expect(other.getByText("This sign-in has expired. Please sign in again.")).toBeVisible();
    await expect(other.getByLabel("Authentication code")).toHaveCount(0);

    await expectAccessible(page);
    await submitCode(page, wrongCode(auth.key));
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("That code is not correct, or it has already been used.");
    const used = await enterNextCode(page, auth);
    await expectSignedIn(page, email);
    await context.close();

    // The same code again, in a new sign-in, is refused; the next one works.
    const again = await atCodeStep(browser, email);
    await submitCode(again.page, used);
    await expect(again.page.getByRole("main").getByRole("alert")).toHaveText("That code is not correct, or it has already been used.");
    await enterNextCode(again.page, auth);
    await expectSignedIn(again.page, email);
    const actions = auditActions(id).map((a) => a.action);
    expect(actions.filter((a) => a === "two-factor-failed")).toHaveLength(2);
    expect(actions.filter((a) => a === "two-factor-passed")).toHaveLength(2);
  });

  test("a recovery code works once and not twice", async ({ browser }) => {
    const { email, auth } = await enrolledUser(browser, "recovery");
    const first = await atCodeStep(browser, email);
    await submitCode(first.page, auth.recoveryCodes[3]!);
    await expectSignedIn(first.page, email);
    await first.page.goto("/account/two-factor");
    await expect(first.page.getByTestId("recovery-codes-left")).toContainText("9 of 10");

    const second = await atCodeStep(browser, email);
    await submitCode(second.page, auth.recoveryCodes[3]!);
    await expect(second.page.getByRole("main").getByRole("alert")).toHaveText("That code is not correct, or it has already been used.");
    expect((await second.context.request.get("/account", { maxRedirects: 0 })).status()).toBe(307);
    expect(queryDb("select 1 from recovery_codes where user_id = ? and used_at is not null", userId(email))).toHaveLength(1);
  });

  test("the code step is throttled per account and address, counted before the code is checked", async ({ browser }) => {
    const { email, auth } = await enrolledUser(browser, "throttle");
    const { page } = await atCodeStep(browser, email, "198.51.100.30");
    // LOGIN_MAX_FAILURES (5) wrong codes, then even the right code is refused from here.
    for (let i = 0; i < 5; i++) {
      await submitCode(page, wrongCode(auth.key));
      await expect(page.getByRole("main").getByRole("alert")).toHaveText("That code is not correct, or it has already been used.");
      await page.getByLabel("Authentication code").fill("");
    }
    await enterNextCode(page, auth);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(/Too many attempts/);
    // A recovery code is refused too, and never spent.
    await submitCode(page, auth.recoveryCodes[0]!);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(/Too many attempts/);
    expect(queryDb("select 1 from recovery_codes where user_id = ? and used_at is not null", userId(email))).toHaveLength(0);
    expect(auditActions(userId(email)).map((a) => a.action)).not.toContain("two-factor-passed");
  });

  test("a script posting the right password to Auth.js gets no session, and a challenge not passed buys none", async ({ browser, playwright, baseURL }) => {
    const { email } = await enrolledUser(browser, "direct");
    const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": "198.51.100.50" } });
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    const res = await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: STRONG_PASSWORD, callbackUrl: "/" }, maxRedirects: 0 });
    expect(res.headers().location).toContain("code=two-factor");
    expect(await (await request.get("/api/auth/session")).json()).toBeNull();

    const challenge = (await request.storageState()).cookies.find((c) => c.name === "gatehouse.two-factor");
    expect(challenge?.httpOnly).toBe(true);
    const forged = await request.post("/api/auth/callback/two-factor", { form: { csrfToken, ticket: challenge!.value, callbackUrl: "/" }, maxRedirects: 0 });
    expect(forged.headers().location).toContain("error=");
    expect(await (await request.get("/api/auth/session")).json()).toBeNull();
    await request.dispose();
  });
});
