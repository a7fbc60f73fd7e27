import { expect, type Page } from "@playwright/test";
import { queryDb } from "./db";
import { nextCode } from "./totp";

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

/** Confirms enrolment with a right code and returns the recovery codes shown. */
export async function confirmEnrolment(page: Page, key: string): Promise<Authenticator> {
  const { code, step } = await nextCode(key, 0);
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

export const auditActions = (id: string) => queryDb<{ action: string; actor_email: string | null }>("select action, actor_email from audit_log where record_id = ? order by id", id);
