import { expect, test } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { queryDb } from "./support/db";
import { readTable } from "./support/items";

/** A details page lists the records that point back at it, with "View all (N)" leading to the filtered list. */

test.use({ storageState: ACCOUNTS.admin.state });

const userId = (email: string) => queryDb<{ id: string }>("select id from users where email = ?", email)[0]!.id;

test("a user's page lists their items and links to the list filtered by owner", async ({ page }) => {
  const id = userId(ACCOUNTS.contributor.email);
  const owned = queryDb<{ name: string }>("select name from items where owner_id = ? order by created_at desc, id desc", id).map((r) => r.name);
  expect(owned.length).toBeGreaterThan(10);
  await page.goto(`/admin/users/${id}`);
  const section = page.getByRole("region", { name: "Owned items" });
  await expect(section.getByRole("listitem")).toHaveCount(10);
  await expect(section.getByRole("link", { name: owned[0] })).toBeVisible();
  await section.getByRole("link", { name: `View all (${owned.length})` }).click();
  await page.waitForURL((url) => url.pathname === "/admin/items" && url.searchParams.get("owner") === id);
  await expect(page.getByTestId("range")).toContainText(`of ${owned.length}`);
  expect(new Set((await readTable(page)).map((r) => r.Name))).toEqual(new Set(owned.slice(0, 25)));
});

test("a role's page lists its users, and the users list filters by role", async ({ page }) => {
  const roleId = queryDb<{ id: number }>("select id from roles where name = 'contributor'")[0]!.id;
  const members = queryDb<{ email: string }>("select u.email from users u join user_roles ur on ur.user_id = u.id where ur.role_id = ?", roleId).map((r) => r.email);
  expect(members).toContain(ACCOUNTS.contributor.email);
  await page.goto(`/admin/roles/${roleId}`);
  const section = page.getByRole("region", { name: "Users with this role" });
  await expect(section.getByRole("link", { name: ACCOUNTS.contributor.email })).toBeVisible();
  await section.getByRole("link", { name: `View all (${members.length})` }).click();
  await page.waitForURL((url) => url.pathname === "/admin/users" && url.searchParams.get("role") === String(roleId));
  expect((await readTable(page)).map((r) => r.Email).sort()).toEqual([...members].sort());
});

test("no related section for a resource the viewer may not view", async ({ browser }) => {
  // The editor may view items but not users or roles: an item page has no section, and user pages are 403 anyway.
  const page = await (await browser.newContext({ storageState: ACCOUNTS.editor.state })).newPage();
  await page.goto("/admin/items/1");
  await expect(page.getByRole("region", { name: /Owned items|Users with this role/ })).toHaveCount(0);
  await page.context().close();
});
