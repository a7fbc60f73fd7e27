import { expect, test, type Browser, type Page } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { actionArgs, captureAction, replayAction } from "./support/actions";
import { cli, STRONG_PASSWORD, uniqueEmail } from "./support/cli";
import { queryDb } from "./support/db";
import { createItem, readTable, uniqueTag } from "./support/items";
import { signIn } from "./support/session";

/**
 * The contributor holds items view, create, update and delete for their own
 * records only. What they (and an attacker with their cookies) can reach of
 * other people's items: nothing, by page, URL or replayed action.
 */

// Counts compare the page with the database: no other test here may change the contributor's items meanwhile.
test.describe.configure({ mode: "serial" });

const userId = (email: string) => queryDb<{ id: string }>("select id from users where email = ?", email)[0]!.id;
const contributorId = () => userId(ACCOUNTS.contributor.email);
const ownedCount = (owner: string) => queryDb<{ n: number }>("select count(*) as n from items where owner_id = ?", owner)[0]!.n;
/** A seeded item that is not the contributor's (the admin's). */
const othersItem = () => queryDb<{ id: number; name: string; price_cents: number; owner_id: string }>("select id, name, price_cents, owner_id from items where owner_id = ? order by id limit 1", userId(ACCOUNTS.admin.email))[0]!;
const ownItem = () => queryDb<{ id: number; name: string; price_cents: number }>("select id, name, price_cents from items where owner_id = ? order by id limit 1", contributorId())[0]!;
const item = (id: number) => queryDb<{ name: string; price_cents: number; owner_id: string | null }>("select name, price_cents, owner_id from items where id = ?", id)[0];
const deniedFor = (id: number) => queryDb<{ summary: string }>("select summary from audit_log where action = 'denied' and resource = 'items' and record_id = ? and actor_email = ?", String(id), ACCOUNTS.contributor.email);

async function asContributor(browser: Browser): Promise<Page> {
  return (await browser.newContext({ storageState: ACCOUNTS.contributor.state })).newPage();
}

test("the list, its count and search show only the contributor's items", async ({ browser }) => {
  const page = await asContributor(browser);
  const mine = contributorId();
  const total = ownedCount(mine);
  expect(total).toBeGreaterThan(0);
  expect(queryDb<{ n: number }>("select count(*) as n from items")[0]!.n).toBeGreaterThan(total);
  // The index counts their items only, and lists no resource they may not view.
  await page.goto("/admin");
  const index = page.getByRole("list", { name: "Resources" });
  await expect(index.getByRole("listitem")).toHaveCount(1);
  await expect(index).toContainText(`${total} ${total === 1 ? "item" : "items"}`);
  await page.goto("/admin/items?per=100");
  await expect(page.getByTestId("range")).toContainText(`of ${total}`);
  const rows = await readTable(page);
  expect(rows).toHaveLength(total);
  const ownIds = new Set(queryDb<{ name: string }>("select name from items where owner_id = ?", mine).map((r) => r.name));
  for (const row of rows) expect(ownIds.has(row.Name!), row.Name).toBe(true);
  // A search that matches other people's items finds only theirs: the other's item by its exact name finds nothing.
  const other = othersItem();
  await page.goto(`/admin/items?q=${encodeURIComponent(other.name)}`);
  await expect(page.getByText(`No items match “${other.name}”.`)).toBeVisible();
  // Filtering by another owner shows nothing either.
  await page.goto(`/admin/items?owner=${other.owner_id}`);
  await expect(page.getByText("No items match these filters.")).toBeVisible();
  // No owner picker (users are not theirs to view), no export (contributors export none).
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveCount(0);
  expect((await page.request.get("/admin/items/export")).status()).toBe(403);
  await page.context().close();
});

test("another user's item is a 404 on details and edit, like a missing one", async ({ browser }) => {
  const page = await asContributor(browser);
  const other = othersItem();
  for (const path of [`/admin/items/${other.id}`, `/admin/items/${other.id}/edit`, "/admin/items/99999999", "/admin/items/99999999/edit"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    expect(await page.content(), path).not.toContain(other.name);
  }
  const own = ownItem();
  expect((await page.goto(`/admin/items/${own.id}`))?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: own.name })).toBeVisible();
  await page.context().close();
});

test("replayed update, delete and bulk delete on another user's item change nothing and are logged as denied", async ({ browser }) => {
  const page = await asContributor(browser);
  const own = ownItem();
  const other = othersItem();
  const before = item(other.id);

  await page.goto(`/admin/items/${own.id}/edit`);
  const update = await captureAction(page, page.getByRole("button", { name: "Save", exact: true }));
  const updateArgs = actionArgs(update);
  updateArgs[1] = String(other.id);
  const res = await replayAction(page.request, update, { args: updateArgs, form: { name: "taken over" } });
  expect(res.status()).toBe(200);
  expect(await res.text()).toContain("This item does not exist.");
  expect(item(other.id)).toEqual(before);
  expect(deniedFor(other.id).map((d) => d.summary)).toContain("update: not within the user's records");

  await page.goto(`/admin/items/${own.id}`);
  await page.getByRole("link", { name: "Delete", exact: true }).click();
  const del = await captureAction(page, page.getByRole("button", { name: "Yes, delete" }));
  const delArgs = actionArgs(del);
  delArgs[1] = String(other.id);
  expect((await replayAction(page.request, del, { args: delArgs })).status()).not.toBe(500);
  expect(item(other.id)).toEqual(before);
  expect(deniedFor(other.id).map((d) => d.summary)).toContain("delete: not within the user's records");

  await page.goto(`/admin/items?q=${encodeURIComponent(own.name)}`);
  await page.getByRole("checkbox", { name: `Select ${own.name}` }).check();
  await page.getByLabel("With selected").selectOption({ label: "Delete" });
  const bulk = await captureAction(page, page.getByRole("button", { name: "Apply" }));
  // Own and other together: the whole request is refused, so neither goes.
  expect((await replayAction(page.request, bulk, { form: { ids: [String(own.id), String(other.id)], confirmed: "yes" } })).status()).not.toBe(500);
  expect(item(other.id)).toEqual(before);
  expect(item(own.id)).toBeTruthy();
  expect(deniedFor(other.id).length).toBeGreaterThanOrEqual(3);
  await page.context().close();
});

test("a new item is the contributor's, and a request naming another owner is refused with the reason", async ({ browser }) => {
  const page = await asContributor(browser);
  await page.goto("/admin/items/new");
  // There is no owner to choose.
  await expect(page.getByText("Owner", { exact: true })).toHaveCount(0);
  const name = uniqueTag("Contrib");
  const id = await createItem(page, { name, price: "12.50" });
  expect(item(id)).toEqual({ name, price_cents: 1250, owner_id: contributorId() });

  await page.goto("/admin/items/new");
  await page.getByLabel("Name").fill("placeholder");
  await page.getByLabel("Category").selectOption("books");
  await page.getByLabel("Price").fill("3.00");
  const create = await captureAction(page, page.getByRole("button", { name: "Save", exact: true }));
  const forged = uniqueTag("Forged");
  const res = await replayAction(page.request, create, { form: { name: forged, owner: userId(ACCOUNTS.admin.email) } });
  expect(res.status()).toBeLessThan(400);
  expect(await res.text()).toContain("Only someone who may edit every record can change its owner.");
  expect(queryDb("select id from items where name = ?", forged)).toEqual([]);
  await page.context().close();
});

test("price is read-only on edit; a forged price change is refused with the reason, and the same save without it goes through", async ({ browser }) => {
  const page = await asContributor(browser);
  const own = ownItem();
  await page.goto(`/admin/items/${own.id}/edit`);
  const price = page.getByLabel("Price");
  await expect(price).toHaveAttribute("readonly", "");
  await expect(page.getByText("You may not change this field (it needs the permission “Change prices”).")).toBeVisible();
  const update = await captureAction(page, page.getByRole("button", { name: "Save", exact: true }));
  const name = uniqueTag("Renamed");
  const res = await replayAction(page.request, update, { form: { name, price: "999.99" } });
  expect(res.status()).toBeLessThan(400);
  expect(await res.text()).toContain("You may not change this field (it needs the permission “Change prices”).");
  expect(item(own.id)).toMatchObject({ name: own.name, price_cents: own.price_cents, owner_id: contributorId() });
  const saved = await replayAction(page.request, update, { form: { name } });
  expect(saved.status()).toBeLessThan(400);
  expect(item(own.id)).toMatchObject({ name, price_cents: own.price_cents, owner_id: contributorId() });
  await page.context().close();
});

test("inline edits: no price editor, and replayed inline saves of the price or of another's item change nothing", async ({ browser }) => {
  const page = await asContributor(browser);
  const own = ownItem();
  const other = othersItem();
  const before = item(other.id);
  await page.goto(`/admin/items?q=${encodeURIComponent(own.name)}`);
  await expect(page.getByRole("button", { name: `Edit category of ${own.name}` })).toBeVisible();
  await expect(page.getByRole("button", { name: `Edit price of ${own.name}` })).toHaveCount(0);
  await page.getByRole("button", { name: `Edit category of ${own.name}` }).click();
  const select = page.getByRole("combobox", { name: `Category of ${own.name}` });
  const current = queryDb<{ category: string }>("select category from items where id = ?", own.id)[0]!.category;
  await select.selectOption(current === "books" ? "tools" : "books");
  const save = await captureAction(page, select, "Enter");

  const priced = await replayAction(page.request, save, { form: { field: "price", value: "1.00" } });
  expect(await priced.text()).toContain("You may not change this field");
  expect(item(own.id)!.price_cents).toBe(own.price_cents);

  const res = await replayAction(page.request, save, { form: { id: String(other.id) } });
  expect(await res.text()).toContain("This item does not exist.");
  expect(item(other.id)).toEqual(before);

  // Bulk Set field on another's item: refused as a whole, logged as denied.
  await page.goto(`/admin/items?q=${encodeURIComponent(own.name)}`);
  await page.getByRole("checkbox", { name: `Select ${own.name}` }).check();
  await page.getByLabel("With selected").selectOption({ label: "Set field…" });
  await expect(page.getByLabel("Field", { exact: true }).locator("option", { hasText: "Price" })).toHaveCount(0);
  await page.getByLabel("Field", { exact: true }).selectOption({ label: "In stock" });
  await page.getByLabel("Value", { exact: true }).selectOption({ label: "No" });
  const bulk = await captureAction(page, page.getByRole("button", { name: "Apply" }));
  await replayAction(page.request, bulk, { form: { ids: String(other.id) } });
  expect(item(other.id)).toEqual(before);
  expect(deniedFor(other.id).map((d) => d.summary)).toContain("bulk:set: not within the user's records");
  await page.context().close();
});

test("an :own export role exports only the holder's rows", async ({ browser, baseURL }) => {
  const role = uniqueTag("ownexport").toLowerCase();
  cli(["roles", "create", role, "--permission", "items:view:own", "--permission", "items:create:own", "--permission", "items:export:own"]);
  const email = uniqueEmail("exporter");
  cli(["users", "create", "--email", email, "--role", role], `${STRONG_PASSWORD}\n`);
  const page = await (await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } })).newPage();
  await signIn(page, email, STRONG_PASSWORD);
  await page.waitForURL("/admin");
  const name = uniqueTag("Exported");
  await createItem(page, { name });
  const csv = await (await page.request.get("/admin/items/export")).text();
  const lines = csv.trim().split("\n");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(name);
  // Asking for another user's item by name or owner exports the header alone.
  const other = othersItem();
  expect((await (await page.request.get(`/admin/items/export?q=${encodeURIComponent(other.name)}`)).text()).trim().split("\n")).toHaveLength(1);
  expect((await (await page.request.get(`/admin/items/export?owner=${other.owner_id}`)).text()).trim().split("\n")).toHaveLength(1);
  await page.context().close();
});

test("the role form offers none / own / all per item action and the field permission", async ({ browser }) => {
  const page = await (await browser.newContext({ storageState: ACCOUNTS.admin.state })).newPage();
  const name = uniqueTag("scoped").toLowerCase();
  await page.goto("/admin/roles/new");
  await page.getByLabel("Name").fill(name);
  await page.getByRole("combobox", { name: "View items" }).selectOption({ label: "Own" });
  await page.getByRole("combobox", { name: "Update items" }).selectOption({ label: "All" });
  await page.getByRole("checkbox", { name: "Items: Change prices" }).check();
  // Users have no owner: a plain checkbox.
  await expect(page.getByRole("checkbox", { name: "View users" })).toBeVisible();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await page.waitForURL(/\/admin\/roles\/\d+\?notice=created$/);
  const [row] = queryDb<{ permissions: string }>("select permissions from roles where name = ?", name);
  const stored: unknown = typeof row!.permissions === "string" ? JSON.parse(row!.permissions) : row!.permissions;
  expect(stored).toEqual(["items:price", "items:update", "items:view:own"]);
  await page.context().close();
});
