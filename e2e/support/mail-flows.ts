import { expect, type Browser, type Page } from "@playwright/test";
import { cli, STRONG_PASSWORD, uniqueEmail } from "./cli";
import { linkIn, nextMailTo } from "./mail";

/** The answer "Forgot password?" gives for every address. */
export const RESET_ANSWER = "If an account uses this address, a link to choose a new password is on its way. It works for one hour.";
export const LINK_INVALID = "This link is not valid: it has expired, was used already, or a newer one replaced it.";
export const NEW_PASSWORD = "Another-Long-Passphrase-77";

let opened = 0;
/**
 * A browser of its own client address, so the per-address limits (mailed
 * links, sign-in failures) count only this test. The addresses come from
 * 100.64.0.0/10, which no other spec uses: the two octets after 100.64 come
 * from the worker's process id and the last from a count, so two workers or
 * two calls never share one (other specs fail sign-ins on purpose from theirs).
 */
export async function freshBrowser(browser: Browser) {
  opened += 1;
  if (opened > 254) throw new Error("freshBrowser: this worker has used all its addresses");
  const address = `100.${64 + ((process.pid >> 8) & 63)}.${process.pid & 255}.${opened}`;
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": address } });
  return { context, page: await context.newPage() };
}

/** A user made with the CLI, with a password. */
export function newUser(tag: string): string {
  const email = uniqueEmail(tag);
  cli(["users", "create", "--email", email], `${STRONG_PASSWORD}\n`);
  return email;
}

/** Asks for a reset link on /login's "Forgot password?" page and checks the one answer. */
export async function askForReset(page: Page, email: string): Promise<void> {
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toHaveText(RESET_ANSWER);
}

/** The link to `path` in the `count`-th mail to `email` that has one (security notices come between). */
export async function mailedLink(email: string, path: string, count = 1): Promise<string> {
  return linkIn(await nextMailTo(email, count, (m) => m.text.includes(`${path}?token=`)), path);
}

/** Fills and sends a mailed link's password form. */
export async function choosePassword(page: Page, password: string, confirm = password): Promise<void> {
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("Repeat new password").fill(confirm);
  await page.getByRole("button", { name: "Set password" }).click();
}
