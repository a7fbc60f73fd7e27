import type { Browser, Page } from "@playwright/test";
import { cli, STRONG_PASSWORD, uniqueEmail } from "./cli";
import { queryDb } from "./db";
import { expectSignedIn, signIn } from "./session";
import { userId } from "./two-factor";
import { addVirtualAuthenticator, withoutPasskeyAutofill } from "./webauthn";

/** What the passkey tests share: a user with a virtual authenticator, and their stored passkeys and refusals. */

export const passkeysOf = (email: string) => queryDb<{ name: string; counter: number; last_used_at: unknown }>("select p.name, p.counter, p.last_used_at from passkeys p join users u on u.id = p.user_id where u.email = ?", email);
export const failures = (email: string) => queryDb<{ summary: string }>("select summary from audit_log where action = 'passkey-failed' and record_id = ? order by id", userId(email));

/** A new user signed in with their password in a browser of their own, with a virtual authenticator. */
export async function newUserWithAuthenticator(browser: Browser, tag: string, address: string, { autofill = false, roles = [] as string[] } = {}) {
  const email = uniqueEmail(tag);
  cli(["users", "create", "--email", email, ...roles.flatMap((r) => ["--role", r])], `${STRONG_PASSWORD}\n`);
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": address } });
  const page = await context.newPage();
  const authenticator = await addVirtualAuthenticator(page);
  if (!autofill) await withoutPasskeyAutofill(page);
  await signIn(page, email, STRONG_PASSWORD);
  if (!roles.length) await expectSignedIn(page, email);
  return { email, context, page, authenticator };
}

export async function signOutHere(page: Page) {
  await page.context().clearCookies();
  await page.goto("/login");
}

export async function passkeySignIn(page: Page) {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
}
