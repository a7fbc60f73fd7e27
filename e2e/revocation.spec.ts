import { expect, test } from "@playwright/test";
import { cli, STRONG_PASSWORD, uniqueEmail } from "./support/cli";
import { queryDb } from "./support/db";
import { expectSignedIn, signIn } from "./support/session";

test("a user deactivated while signed in is signed out on the next page load", async ({ page }) => {
  const email = uniqueEmail("deactivated");
  cli(["users", "create", "--email", email, "--role", "editor"], `${STRONG_PASSWORD}\n`);
  await signIn(page, email, STRONG_PASSWORD);
  await expectSignedIn(page, email);
  expect((await page.goto("/admin/items"))?.status()).toBe(200);

  cli(["users", "deactivate", email]);
  await page.goto("/admin/items");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Fitems/);
  expect(queryDb<{ active: number }>("select active from users where email = ?", email)[0]?.active).toBe(0);
});

test("a permission revoked from a role takes effect at once, and so does a grant", async ({ page }) => {
  const role = `temp-${Date.now()}`;
  const email = uniqueEmail("granted");
  cli(["roles", "create", role, "--permission", "items:view"]);
  cli(["users", "create", "--email", email, "--role", role], `${STRONG_PASSWORD}\n`);
  await signIn(page, email, STRONG_PASSWORD);
  await expectSignedIn(page, email);
  expect((await page.goto("/admin/items"))?.status()).toBe(200);
  expect((await page.goto("/admin/users"))?.status()).toBe(403);

  cli(["roles", "revoke", role, "items:view"]);
  expect((await page.goto("/admin/items"))?.status()).toBe(403);

  cli(["roles", "grant", role, "users:view"]);
  expect((await page.goto("/admin/users"))?.status()).toBe(200);
});

test("a role removed from a user while signed in takes effect at once", async ({ page }) => {
  const email = uniqueEmail("demoted");
  cli(["users", "create", "--email", email, "--role", "editor"], `${STRONG_PASSWORD}\n`);
  await signIn(page, email, STRONG_PASSWORD);
  await expectSignedIn(page, email);
  expect((await page.goto("/admin/items"))?.status()).toBe(200);

  cli(["users", "remove-role", email, "editor"]);
  const res = await page.goto("/admin/items");
  expect(res?.status() === 403 || page.url().includes("/login")).toBe(true);
  await page.goto("/");
  await expect(page.getByTestId("roles")).toHaveCount(0);
});

test("a password changed elsewhere ends the session", async ({ page }) => {
  const email = uniqueEmail("rotated");
  cli(["users", "create", "--email", email], `${STRONG_PASSWORD}\n`);
  await signIn(page, email, STRONG_PASSWORD);
  await expectSignedIn(page, email);
  cli(["users", "set-password", email], "Another-Strong-Passphrase-7\n");
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});
