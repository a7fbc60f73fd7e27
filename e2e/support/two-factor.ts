import { expect, type Browser, type Page } from "@playwright/test";
import { cli, STRONG_PASSWORD, uniqueEmail } from "./cli";
import { expectNoSeriousViolations } from "./axe";
import { queryDb } from "./db";
import { expectSignedIn, signIn } from "./session";
import { firstCode, nextCode } from "./totp";

/** What a test knows about an account's authenticator: the key from the page and the last step it used. */
export interface Authenticator {
  key: string;
  lastStep: number;
  recoveryCodes: string[];
}

/** Starts set-up from /account and reads the key as the page shows it. */
export async function startEnrolment(page: Page): Promise<string> {
  await page.goto("/account");
  await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
  await expect(page).toHaveURL(/\/account\/two-factor$/);
  const key = (await page.getByTestId("totp-key").innerText()).trim();
  expect(key).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
  return key;
}

/** Confirms enrolment with the password and a right code (submitted once), and returns the recovery codes shown. */
export async function confirmEnrolment(page: Page, key: string, password = STRONG_PASSWORD): Promise<Authenticator> {
  const { code, step } = firstCode(key);
  await page.getByLabel("Current password").fill(password);
  await page.getByLabel("Authentication code").fill(code);
  await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  const list = page.getByRole("list", { name: "Recovery codes" });
  await expect(list.getByRole("listitem")).toHaveCount(10);
  return { key, lastStep: step, recoveryCodes: await list.getByRole("listitem").allInnerTexts() };
}

export async function enrol(page: Page): Promise<Authenticator> {
  return confirmEnrolment(page, await startEnrolment(page));
}

/** Types the next usable code into the sign-in code step. */
export async function enterNextCode(page: Page, auth: Authenticator): Promise<string> {
  const { code, step } = await nextCode(auth.key, auth.lastStep);
  auth.lastStep = step;
  await page.getByLabel("Authentication code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
  return code;
}

export async function submitCode(page: Page, code: string) {
  await page.getByLabel("Authentication code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
}

export const userId = (email: string) => queryDb<{ id: string }>("select id from users where email = ?", email)[0]!.id;

/** The e2e server runs with REQUIRE_2FA_ROLES=two-factor-required (e2e/env.ts); only one test grants it. */
export const REQUIRED_ROLE = "two-factor-required";

/** Creates a role unless it exists (tests running at the same time may both want it). */
export function ensureRole(name: string, description: string): void {
  const exists = () => queryDb("select 1 from roles where name = ?", name).length > 0;
  if (exists()) return;
  try {
    cli(["roles", "create", name, "--description", description]);
  } catch (error) {
    if (!exists()) throw error;
  }
}

export const auditActions = (id: string) => queryDb<{ action: string; actor_email: string | null }>("select action, actor_email from audit_log where record_id = ? order by id", id);

const CODE_STEP = /\/login\?step=code/;

/** A new user, signed in and enrolled in a browser of their own. */
export async function enrolledUser(browser: Browser, tag: string, address = "198.51.100.10") {
  const email = uniqueEmail(tag);
  cli(["users", "create", "--email", email], `${STRONG_PASSWORD}\n`);
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": address } });
  const page = await context.newPage();
  await signIn(page, email, STRONG_PASSWORD);
  await expectSignedIn(page, email);
  const auth = await enrol(page);
  await context.close();
  return { email, auth };
}

/** A fresh browser that has passed the password step and now faces the code step. */
export async function atCodeStep(browser: Browser, email: string, address = "198.51.100.20") {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": address } });
  const page = await context.newPage();
  await signIn(page, email, STRONG_PASSWORD);
  await expect(page).toHaveURL(CODE_STEP);
  await expect(page.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();
  return { context, page };
}

/** A browser signed in to a two-factor account through both steps. */
export async function signedInWithCode(browser: Browser, email: string, auth: Authenticator, address?: string) {
  const at = await atCodeStep(browser, email, address);
  await enterNextCode(at.page, auth);
  await expectSignedIn(at.page, email);
  return at;
}

/** No serious or critical axe violations on the page as it is now. */
export async function expectAccessible(page: Page) {
  // After a server action's redirect the new page's <title> arrives with its
  // streamed metadata, a moment after the content: check the page it settles on.
  await expect(page).toHaveTitle(/\S/);
  await expectNoSeriousViolations(page);
}
