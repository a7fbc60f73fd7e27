import { expect, test } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { actionArgs, captureAction, replayAction } from "./support/actions";
import { cli, STRONG_PASSWORD, uniqueEmail } from "./support/cli";
import { execDb, queryDb } from "./support/db";
import { uniqueTag } from "./support/items";
import { seriousViolations } from "./support/axe";

/**
 * The delete confirmation page (Django's): what will be deleted and what else
 * changes, with counts and at most ten names; Yes deletes and lands on the
 * list, Cancel deletes nothing; a real form that works without JavaScript;
 * the same 404 for someone else's record as for a missing one.
 */

const userId = (email: string) => queryDb<{ id: string }>("select id from users where email = ?", email)[0]!.id;
const roleId = (name: string) => queryDb<{ id: number }>("select id from roles where name = ?", name)[0]!.id;

function newUser(tag: string, role = "end-user"): string {
  const email = uniqueEmail(tag);
  cli(["users", "create", "--email", email, "--role", role], `${STRONG_PASSWORD}\n`);
  return email;
}

/** `n` items owned by `owner`, named `<tag> 01`…, copied from item 1 so both databases fill every column their way. */
function ownedItems(tag: string, owner: string, n: number): void {
  for (let i = 1; i <= n; i++) {
    execDb("insert into items (name, category, price_cents, in_stock, owner_id, created_at, updated_at) select ?, category, price_cents, in_stock, ?, created_at, updated_at from items where id = 1", `${tag} ${String(i).padStart(2, "0")}`, owner);
  }
}

/** An item owned by nobody, to delete. */
function looseItem(name: string): number {
  execDb("insert into items (name, category, price_cents, in_stock, created_at, updated_at) select ?, category, price_cents, in_stock, created_at, updated_at from items where id = 1", name);
  return queryDb<{ id: number }>("select id from items where name = ?", name)[0]!.id;
}

test.describe("as admin", () => {
  test.use({ storageState: ACCOUNTS.admin.state });

  test("deleting a user who owns items says how many lose their owner, names ten, and Yes deletes", async ({ page }) => {
    const tag = uniqueTag("Owned");
    const email = newUser("owner");
    const id = userId(email);
    ownedItems(tag, id, 12);

    await page.goto(`/admin/users/${id}`);
    await page.getByRole("link", { name: "Delete", exact: true }).click();
    await expect(page).toHaveURL(`/admin/users/${id}/delete`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Delete user");
    await expect(page.getByText(`Delete the user “${email}”?`)).toBeVisible();
    const effects = page.getByRole("region", { name: "What else changes" });
    await expect(effects).toContainText("12 items will lose their owner.");
    const names = effects.getByRole("link");
    await expect(names).toHaveCount(10);
    await expect(names.first()).toHaveText(`${tag} 01`);
    await expect(names.first()).toHaveAttribute("href", /^\/admin\/items\/\d+$/);
    await expect(effects).toContainText("and 2 more");

    // Cancel goes back and deletes nothing.
    await page.getByRole("link", { name: "No, go back" }).click();
    await expect(page).toHaveURL(`/admin/users/${id}`);
    expect(queryDb("select id from users where id = ?", id)).toHaveLength(1);

    await page.goto(`/admin/users/${id}/delete`);
    await page.getByRole("button", { name: "Yes, delete" }).click();
    await expect(page).toHaveURL("/admin/users?notice=deleted&count=1");
    await expect(page.getByRole("status")).toHaveText("User deleted.");
    expect(queryDb("select id from users where id = ?", id)).toEqual([]);
    expect(queryDb<{ n: number }>("select count(*) as n from items where name like ? and owner_id is null", `${tag}%`)[0]!.n).toBe(12);
  });

  test("deleting a role says how many users lose it, and Yes removes it from them", async ({ page }) => {
    const role = uniqueTag("role").toLowerCase();
    cli(["roles", "create", role, "--permission", "items:view"]);
    const members = [newUser("member", role), newUser("member", role), newUser("member", role)];
    const id = roleId(role);
    await page.goto(`/admin/roles/${id}/delete`);
    const effects = page.getByRole("region", { name: "What else changes" });
    await expect(effects).toContainText("3 users will lose this role.");
    await expect(effects.getByRole("link")).toHaveText([...members].sort());
    await page.getByRole("button", { name: "Yes, delete" }).click();
    await expect(page).toHaveURL("/admin/roles?notice=deleted&count=1");
    expect(queryDb("select id from roles where id = ?", id)).toEqual([]);
    expect(queryDb("select user_id from user_roles where role_id = ?", id)).toEqual([]);
    for (const email of members) expect(queryDb("select id from users where email = ?", email)).toHaveLength(1);
  });

  test("a record nothing refers to says so; the refusal for the last admin is shown on the page", async ({ page }) => {
    const name = uniqueTag("Loose");
    const item = looseItem(name);
    await page.goto(`/admin/items/${item}/delete`);
    await expect(page.getByText("Nothing else refers to it.")).toBeVisible();

    const admin = userId(ACCOUNTS.admin.email);
    await page.goto(`/admin/users/${admin}/delete`);
    await page.getByRole("button", { name: "Yes, delete" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("This is the last active admin: it cannot be removed, demoted or deactivated.");
    await expect(page).toHaveURL(`/admin/users/${admin}/delete`);
    expect(queryDb("select id from users where id = ? and active = ?", admin, 1)).toHaveLength(1);
    // The admin role: its own refusal.
    await page.goto(`/admin/roles/${roleId("admin")}/delete`);
    await page.getByRole("button", { name: "Yes, delete" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("The admin role cannot be deleted.");
  });

  test("an unknown id is 404", async ({ page }) => {
    expect((await page.goto("/admin/items/999999999/delete"))?.status()).toBe(404);
    expect((await page.goto("/admin/audit/1/delete"))?.status()).toBe(404);
  });

  test("the delete page has no serious axe violations, light and dark", async ({ page }) => {
    const tag = uniqueTag("Axe");
    const id = userId(newUser("axe"));
    ownedItems(tag, id, 2);
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`/admin/users/${id}/delete`);
      await expect(page.getByText("2 items will lose their owner.")).toBeVisible();
      expect(await seriousViolations(page), scheme).toEqual([]);
      // With a refusal shown too.
      await page.goto(`/admin/roles/${roleId("admin")}/delete`);
      await page.getByRole("button", { name: "Yes, delete" }).click();
      await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toBeVisible();
      expect(await seriousViolations(page), `${scheme}, refused`).toEqual([]);
    }
  });
});

test.describe("without JavaScript", () => {
  test.use({ storageState: ACCOUNTS.admin.state, javaScriptEnabled: false });

  test("the details page's Delete leads to the page, whose Yes deletes and lands on the list", async ({ page }) => {
    const name = uniqueTag("NoJs");
    const id = looseItem(name);
    await page.goto(`/admin/items/${id}`);
    await page.getByRole("link", { name: "Delete", exact: true }).click();
    await expect(page).toHaveURL(`/admin/items/${id}/delete`);
    await page.getByRole("button", { name: "Yes, delete" }).click();
    await expect(page).toHaveURL("/admin/items?notice=deleted&count=1");
    await expect(page.getByRole("status")).toHaveText("Item deleted.");
    expect(queryDb("select id from items where id = ?", id)).toEqual([]);
  });

  test("a refusal is shown on the page", async ({ page }) => {
    await page.goto(`/admin/roles/${roleId("admin")}/delete`);
    await page.getByRole("button", { name: "Yes, delete" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("The admin role cannot be deleted.");
    expect(queryDb("select id from roles where name = 'admin'")).toHaveLength(1);
  });
});

test.describe("as contributor (items: delete own only)", () => {
  test.use({ storageState: ACCOUNTS.contributor.state });

  test("another's item's delete page is 404 like a missing one, and its POST replayed deletes nothing", async ({ page }) => {
    const mine = userId(ACCOUNTS.contributor.email);
    const tag = uniqueTag("Mine");
    ownedItems(tag, mine, 1);
    const own = queryDb<{ id: number }>("select id from items where name = ?", `${tag} 01`)[0]!.id;
    const other = looseItem(uniqueTag("NotMine"));

    // "Not yours" and "not there": the same status and the same page.
    expect((await page.goto("/admin/items/999999999/delete"))?.status()).toBe(404);
    const missing = await page.getByRole("heading", { level: 1 }).textContent();
    expect((await page.goto(`/admin/items/${other}/delete`))?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(missing!);

    expect((await page.goto(`/admin/items/${own}/delete`))?.status()).toBe(200);
    const del = await captureAction(page, page.getByRole("button", { name: "Yes, delete" }));
    const args = actionArgs(del);
    args[1] = String(other);
    const res = await replayAction(page.request, del, { args });
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain("This item does not exist.");
    expect(queryDb("select id from items where id = ?", other)).toHaveLength(1);
    expect(queryDb("select id from items where id = ?", own)).toHaveLength(1);
  });
});

test("a user without delete permission gets 403 on the page", async ({ browser }) => {
  const page = await (await browser.newContext({ storageState: ACCOUNTS.editor.state })).newPage();
  expect((await page.goto("/admin/items/1/delete"))?.status()).toBe(403);
  await page.context().close();
});
