import { expect, test, type Browser, type Page } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { cli, STRONG_PASSWORD, uniqueEmail } from "./support/cli";
import { queryDb } from "./support/db";
import { expectSignedIn, signIn } from "./support/session";

test.use({ storageState: ACCOUNTS.admin.state });

const BCRYPT = /\$2[aby]\$\d\d\$/;
const userRow = (email: string) =>
  queryDb<{ id: string; active: number; password_hash: string; security_stamp: string }>("select id, active, password_hash, security_stamp from users where email = ?", email)[0];
const roleRow = (name: string) => queryDb<{ id: number; name: string; permissions: string }>("select id, name, permissions from roles where name = ?", name)[0];
const uniqueRole = (tag: string) => `${tag}-${process.pid}-${Date.now().toString(36)}`;

/** A fresh browser context signed in as `email`. */
async function signedIn(browser: Browser, email: string, password = STRONG_PASSWORD): Promise<Page> {
  const page = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await signIn(page, email, password);
  await expectSignedIn(page, email);
  return page;
}

async function fillUserForm(page: Page, email: string, password: string, role?: string) {
  await page.goto("/admin/users/new");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Name").fill("Pat Tester");
  await page.getByLabel("Active").check();
  if (role) await page.getByRole("group", { name: "Roles" }).getByRole("checkbox", { name: role, exact: true }).check();
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Save", exact: true }).click();
}

test("a user created in the panel signs in; deactivated, they are signed out and refused", async ({ page, browser }) => {
  const email = uniqueEmail("panel");
  await fillUserForm(page, email, STRONG_PASSWORD, "editor");
  await page.waitForURL(/\/admin\/users\/[^/?]+\?notice=created$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(email);
  const id = userRow(email)!.id;
  expect(queryDb("select r.name from user_roles ur join roles r on r.id = ur.role_id where ur.user_id = ?", id)).toEqual([{ name: "editor" }]);

  const user = await signedIn(browser, email);
  expect((await user.goto("/admin/items"))?.status()).toBe(200);

  await page.goto(`/admin/users/${id}/edit`);
  await expect(page.getByLabel("Active")).toBeChecked();
  await page.getByLabel("Active").uncheck();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(`/admin/users/${id}?notice=updated`);
  expect(userRow(email)!.active).toBe(0);

  await user.goto("/admin/items");
  await expect(user).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Fitems/);
  await signIn(user, email, STRONG_PASSWORD);
  await expect(user.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Invalid email or password.");
  await user.context().close();
});

test("a duplicate email is refused next to the Email field, keeping what was typed", async ({ page }) => {
  const email = uniqueEmail("dup");
  cli(["users", "create", "--email", email], `${STRONG_PASSWORD}\n`);
  await fillUserForm(page, email.toUpperCase(), STRONG_PASSWORD, "editor");
  await expect(page.locator("#email-error")).toHaveText("Email is already in use.");
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Email")).toHaveValue(email.toUpperCase());
  await expect(page.getByLabel("Name")).toHaveValue("Pat Tester");
  await expect(page.getByRole("group", { name: "Roles" }).getByRole("checkbox", { name: "editor", exact: true })).toBeChecked();
  await expect(page).toHaveURL("/admin/users/new");
  expect(queryDb("select id from users where email = ?", email)).toHaveLength(1);
  expect(queryDb("select id from users where name = 'Pat Tester' and email = ?", email)).toHaveLength(0);
});

test("a weak password is refused with a field error and nothing is written", async ({ page }) => {
  const email = uniqueEmail("weak");
  await fillUserForm(page, email, "password1");
  await expect(page.locator("#password-error")).toContainText("too easy to guess");
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await page.getByLabel("Password").fill("Ab1!");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.locator("#password-error")).toHaveText("Use at least 8 characters.");
  expect(queryDb("select id from users where email = ?", email)).toEqual([]);
});

test("the password hash and security stamp never reach a page", async ({ page }) => {
  const email = uniqueEmail("secret");
  cli(["users", "create", "--email", email, "--role", "editor"], `${STRONG_PASSWORD}\n`);
  const { id, password_hash, security_stamp } = userRow(email)!;
  expect(password_hash).toMatch(BCRYPT);
  for (const path of [`/admin/users/${id}`, `/admin/users/${id}/edit`, `/admin/users?q=${encodeURIComponent(email)}`, `/admin/users/export?q=${encodeURIComponent(email)}`]) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(200);
    const body = await res.text();
    expect(body, path).toContain(email);
    expect(body, path).not.toMatch(BCRYPT);
    expect(body, path).not.toContain(password_hash.slice(7));
    expect(body, path).not.toContain(security_stamp);
  }
  await page.goto(`/admin/users/${id}/edit`);
  await expect(page.getByLabel("New password")).toHaveValue("");
});

test("ticking a permission in a role's matrix grants it at once; unticking revokes it", async ({ page, browser }) => {
  const role = uniqueRole("matrix");
  const email = uniqueEmail("matrix");
  cli(["roles", "create", role]);
  cli(["users", "create", "--email", email, "--role", "end-user"], `${STRONG_PASSWORD}\n`);
  cli(["users", "add-role", email, role]);
  const user = await signedIn(browser, email);
  expect((await user.goto("/admin/items"))?.status()).toBe(403);

  const { id } = roleRow(role)!;
  for (const [tick, status, stored] of [[true, 200, '["items:view"]'], [false, 403, "[]"]] as const) {
    await page.goto(`/admin/roles/${id}/edit`);
    // Items have an owner column: their cells choose none / own records / all records.
    await page.getByRole("combobox", { name: "View items", exact: true }).selectOption({ label: tick ? "All" : "None" });
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page).toHaveURL(`/admin/roles/${id}?notice=updated`);
    expect(roleRow(role)!.permissions).toBe(stored);
    expect((await user.goto("/admin/items"))?.status()).toBe(status);
  }
  await user.context().close();
});

test("the admin role's edit form locks name and permissions, and saves unchanged", async ({ page }) => {
  const { id } = roleRow("admin")!;
  await page.goto(`/admin/roles/${id}/edit`);
  await expect(page.getByLabel("Name")).toHaveValue("admin");
  await expect(page.getByLabel("Name")).not.toBeEditable();
  await expect(page.getByRole("checkbox", { name: "Delete users", exact: true })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Delete users", exact: true })).toBeDisabled();
  // Saving it as shown (nothing changed) works: the locked name is not "missing".
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.locator("#name-error")).toHaveCount(0);
  await expect(page).toHaveURL(`/admin/roles/${id}?notice=updated`);
  expect(roleRow("admin")).toEqual(expect.objectContaining({ id, name: "admin" }));
});

test("the admin role cannot be renamed (even by a forged form) or deleted", async ({ page }) => {
  const { id } = roleRow("admin")!;
  await page.goto(`/admin/roles/${id}/edit`);
  await page.getByLabel("Name").evaluate((el: HTMLInputElement) => (el.readOnly = false));
  await page.getByLabel("Name").fill("superuser");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.locator("#name-error")).toHaveText("The admin role cannot be renamed.");
  expect(roleRow("admin")?.id).toBe(id);

  await page.goto(`/admin/roles/${id}`);
  await page.getByRole("link", { name: "Delete", exact: true }).click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("The admin role cannot be deleted.");
  expect(roleRow("admin")).toEqual(expect.objectContaining({ id, name: "admin" }));
});

test("bulk-deactivating oneself (the last active admin) is refused, and nothing else changes", async ({ page }) => {
  // No test creates another admin, so admin@example.com is the only active one.
  const other = uniqueEmail("bystander");
  cli(["users", "create", "--email", other, "--role", "editor"], `${STRONG_PASSWORD}\n`);
  // One page holding both rows: the admin and the bystander.
  await page.goto(`/admin/users?q=example&per=100`);
  await page.getByRole("checkbox", { name: `Select ${ACCOUNTS.admin.email}` }).check();
  await page.getByRole("checkbox", { name: `Select ${other}` }).check();
  await page.getByLabel("With selected").selectOption({ label: "Deactivate" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toContainText("You cannot change your own roles or active flag");
  expect(userRow(ACCOUNTS.admin.email)!.active).toBe(1);
  expect(userRow(other)!.active).toBe(1);
  expect((await page.request.get("/admin/users")).status()).toBe(200);
});
