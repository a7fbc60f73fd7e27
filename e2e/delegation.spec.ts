import { expect, test, type Browser, type Page } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { actionArgs, captureAction, replayAction } from "./support/actions";
import { cli, STRONG_PASSWORD, uniqueEmail } from "./support/cli";
import { queryDb } from "./support/db";
import { expectSignedIn, signIn } from "./support/session";

/**
 * Delegated user management: a "support" role that may manage users and
 * roles, but holds only some permissions itself, must not be able to make
 * itself (or anyone) an admin, nor grant what it does not hold. Each rule is
 * checked in the form (disabled, with the reason) and by a forged POST that
 * must change nothing.
 */

const SUPPORT_PERMISSIONS = ["users:view", "users:create", "users:update", "roles:view", "roles:update", "items:view"];

const roleId = (name: string) => queryDb<{ id: number }>("select id from roles where name = ?", name)[0]!.id;
const userId = (email: string) => queryDb<{ id: string }>("select id from users where email = ?", email)[0]!.id;
const rolesOf = (email: string) =>
  queryDb<{ name: string }>("select r.name from user_roles ur join roles r on r.id = ur.role_id join users u on u.id = ur.user_id where u.email = ? order by r.name", email).map((r) => r.name);
const userRow = (email: string) => queryDb<{ active: number; password_hash: string; email: string; name: string | null }>("select active, password_hash, email, name from users where email = ?", email)[0];

/** A fresh support role and a user holding it, signed in in its own browser context. */
async function supportUser(browser: Browser): Promise<{ page: Page; email: string; role: string }> {
  const role = `support-${process.pid}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  cli(["roles", "create", role, ...SUPPORT_PERMISSIONS.flatMap((p) => ["--permission", p])]);
  const email = uniqueEmail("support");
  cli(["users", "create", "--email", email, "--role", role], `${STRONG_PASSWORD}\n`);
  const page = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await signIn(page, email, STRONG_PASSWORD);
  await expectSignedIn(page, email);
  return { page, email, role };
}

test("a support user cannot give themselves the admin role or deactivate themselves", async ({ browser }) => {
  const { page, email, role } = await supportUser(browser);
  await page.goto(`/admin/users/${userId(email)}/edit`);
  const roles = page.getByRole("group", { name: "Roles" });
  await expect(roles.getByRole("checkbox", { name: "admin", exact: true })).toBeDisabled();
  await expect(roles.getByRole("checkbox", { name: role, exact: true })).toBeDisabled();
  await expect(page.getByLabel("Active")).toBeDisabled();
  await expect(page.getByText("You cannot change your own roles or active flag").first()).toBeVisible();

  // Saving the form as shown works (the name changes) and keeps roles and active as they were.
  await page.getByLabel("Name").fill("Sue Support");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(/notice=updated/);
  expect(rolesOf(email)).toEqual([role]);
  expect(userRow(email)).toEqual(expect.objectContaining({ active: 1, name: "Sue Support" }));

  await page.goto(`/admin/users/${userId(email)}/edit`);
  const action = await captureAction(page, page.getByRole("button", { name: "Save", exact: true }));
  const forged: Record<string, string | string[]>[] = [{ roles: [String(roleId("admin")), String(roleId(role))] }, { active: "" }];
  for (const form of forged) {
    const res = await replayAction(page.context().request, action, { form });
    expect(res.status()).toBeLessThan(500);
    expect(rolesOf(email)).toEqual([role]);
    expect(userRow(email)!.active).toBe(1);
  }
  await page.context().close();
});

test("a support user cannot create an admin, nor grant a role holding permissions they lack", async ({ browser }) => {
  const { page } = await supportUser(browser);
  await page.goto("/admin/users/new");
  const roles = page.getByRole("group", { name: "Roles" });
  await expect(roles.getByRole("checkbox", { name: "admin", exact: true })).toBeDisabled();
  // editor holds items:create and items:update, which support does not.
  await expect(roles.getByRole("checkbox", { name: "editor", exact: true })).toBeDisabled();
  await expect(roles.getByRole("checkbox", { name: "end-user", exact: true })).toBeEnabled();
  await expect(page.getByText("only admins grant admin")).toBeVisible();

  await page.getByLabel("Email").fill(uniqueEmail("captured"));
  await page.getByLabel("Password").fill(STRONG_PASSWORD);
  const action = await captureAction(page, page.getByRole("button", { name: "Save", exact: true }));
  for (const role of ["admin", "editor"]) {
    const forged = uniqueEmail(`forged-${role}`);
    const res = await replayAction(page.context().request, action, { form: { email: forged, roles: [String(roleId(role))] } });
    expect(res.status()).toBeLessThan(500);
    expect(queryDb("select id from users where email = ?", forged)).toEqual([]);
  }
  // A role within their own permissions can be granted.
  const allowed = uniqueEmail("allowed");
  await replayAction(page.context().request, action, { form: { email: allowed, roles: [String(roleId("end-user"))] } });
  expect(rolesOf(allowed)).toEqual(["end-user"]);
  await page.context().close();
});

test("a support user cannot change anything on an admin's account, password included", async ({ browser }) => {
  const { page } = await supportUser(browser);
  const before = userRow(ACCOUNTS.admin.email)!;
  const adminId = userId(ACCOUNTS.admin.email);
  await page.goto(`/admin/users/${adminId}/edit`);
  await expect(page.getByText("Only admins can change an admin's account.")).toBeVisible();
  await expect(page.getByLabel("New password")).toHaveCount(0);

  // The same save action, aimed at the admin's account with a new password and email.
  const victim = uniqueEmail("victim");
  cli(["users", "create", "--email", victim, "--role", "end-user"], `${STRONG_PASSWORD}\n`);
  await page.goto(`/admin/users/${userId(victim)}/edit`);
  const action = await captureAction(page, page.getByRole("button", { name: "Save", exact: true }));
  const args = actionArgs(action);
  args[1] = adminId;
  const res = await replayAction(page.context().request, action, { args, form: { email: ACCOUNTS.admin.email, password: "Taken-Over-Passphrase-99", active: "on" } });
  expect(res.status()).toBeLessThan(500);
  expect(userRow(ACCOUNTS.admin.email)).toEqual(before);

  // Bulk deactivation of an admin is refused too.
  await page.goto(`/admin/users?q=${encodeURIComponent(ACCOUNTS.admin.email)}`);
  await page.getByRole("checkbox", { name: `Select ${ACCOUNTS.admin.email}` }).check();
  await page.getByLabel("With selected").selectOption({ label: "Deactivate" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Only admins can change an admin's account.");
  expect(userRow(ACCOUNTS.admin.email)!.active).toBe(1);
  await page.context().close();
});

test("a support user cannot take over an account holding permissions they lack", async ({ browser }) => {
  const { page } = await supportUser(browser);
  // editor holds items:create and items:update; support does not.
  const stronger = uniqueEmail("stronger");
  cli(["users", "create", "--email", stronger, "--role", "editor"], `${STRONG_PASSWORD}\n`);
  const before = userRow(stronger)!;
  await page.goto(`/admin/users/${userId(stronger)}/edit`);
  await expect(page.getByText("This account holds permissions you do not hold")).toBeVisible();

  const victim = uniqueEmail("weaker");
  cli(["users", "create", "--email", victim, "--role", "end-user"], `${STRONG_PASSWORD}\n`);
  await page.goto(`/admin/users/${userId(victim)}/edit`);
  const action = await captureAction(page, page.getByRole("button", { name: "Save", exact: true }));
  const args = actionArgs(action);
  args[1] = userId(stronger);
  const res = await replayAction(page.context().request, action, { args, form: { email: stronger, password: "Taken-Over-Passphrase-99", roles: [String(roleId("editor"))] } });
  expect(res.status()).toBeLessThan(500);
  expect(userRow(stronger)).toEqual(before);
  await page.context().close();
});

test("a role editor grants only permissions they hold", async ({ browser }) => {
  const { page } = await supportUser(browser);
  const target = `target-${process.pid}-${Date.now().toString(36)}`;
  cli(["roles", "create", target, "--permission", "items:view"]);
  const stored = () => queryDb<{ permissions: string }>("select permissions from roles where name = ?", target)[0]!.permissions;
  await page.goto(`/admin/roles/${roleId(target)}/edit`);
  await expect(page.getByRole("checkbox", { name: "Delete users" })).toBeDisabled();
  // Items have an owner: none / own / all, with the choices the editor does not hold disabled.
  const itemsDelete = page.getByRole("combobox", { name: "Delete items" });
  await expect(itemsDelete.locator("option", { hasText: "Own" })).toBeDisabled();
  await expect(itemsDelete.locator("option", { hasText: "All" })).toBeDisabled();
  await expect(page.getByRole("checkbox", { name: "Items: Change prices" })).toBeDisabled();
  await expect(page.getByRole("checkbox", { name: "View users" })).toBeEnabled();
  await expect(page.getByText("only permissions you hold yourself")).toBeVisible();

  const action = await captureAction(page, page.getByRole("button", { name: "Save", exact: true }));
  for (const permissions of [["items:view", "items:delete"], ["items:view", "items:delete:own"], ["items:view", "items:price"], ["items:view", "users:delete"], ["items:view", "roles:update", "items:create"]]) {
    const res = await replayAction(page.context().request, action, { form: { name: target, permissions } });
    expect(res.status()).toBeLessThan(500);
    expect(stored()).toBe('["items:view"]');
  }
  // Permissions the editor holds can be granted.
  await replayAction(page.context().request, action, { form: { name: target, permissions: ["items:view", "users:view"] } });
  expect(stored()).toBe('["items:view","users:view"]');
  // Holding items:view covers granting its own-records form (from a form read after that save).
  await page.goto(`/admin/roles/${roleId(target)}/edit`);
  const fresh = await captureAction(page, page.getByRole("button", { name: "Save", exact: true }));
  await replayAction(page.context().request, fresh, { form: { name: target, permissions: ["items:view:own", "users:view"] } });
  expect(stored()).toBe('["items:view:own","users:view"]');
  await page.context().close();
});

test.describe("references to a resource the user may not view", () => {
  test.use({ storageState: ACCOUNTS.editor.state });

  test("the owner picker's lookup is refused and labels show a neutral text, never a user's email or id", async ({ page }) => {
    // editor holds items:view but not users:view.
    const lookup = await page.request.get("/admin/items/lookup?field=owner&q=example");
    expect(lookup.status()).toBe(403);
    expect(await lookup.text()).not.toContain("@example.com");

    const owned = queryDb<{ id: number; owner_id: string }>("select i.id, i.owner_id from items i join users u on u.id = i.owner_id where u.email != ? order by i.id limit 1", ACCOUNTS.editor.email)[0]!;
    const ownerEmail = queryDb<{ email: string }>("select email from users where id = ?", owned.owner_id)[0]!.email;
    for (const path of [`/admin/items/${owned.id}`, `/admin/items/${owned.id}/edit`, `/admin/items?per=100`]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      expect(await page.content(), path).not.toContain(ownerEmail);
    }
    await page.goto(`/admin/items/${owned.id}`);
    await expect(page.getByText("Another user", { exact: true })).toBeVisible();
    expect(await page.locator("body").innerText()).not.toContain(owned.owner_id);
  });
});
