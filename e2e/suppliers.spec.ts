import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { captureAction, replayAction } from "./support/actions";
import { cli, STRONG_PASSWORD, uniqueEmail } from "./support/cli";
import { execDb, queryDb } from "./support/db";
import { detail, readTable, uniqueTag } from "./support/items";
import { signIn } from "./support/session";

/** The second sample resource: everything a registered table gets, with nothing written for it but its table and definition. */

test.use({ storageState: ACCOUNTS.admin.state });

const suppliersNamed = (prefix: string) => queryDb<{ id: number; name: string; status: string }>("select id, name, status from suppliers where name like ? order by name", `${prefix}%`);

/** The names shown, in the order the database sorts them by `column`. */
const inDatabaseOrder = (column: string, shown: string[]) =>
  queryDb<{ name: string }>(`select name from suppliers order by ${column}, id`).map((r) => r.name).filter((n) => shown.includes(n));

/** Creates a supplier through the "New supplier" form; returns its id. */
async function createSupplier(page: Page, name: string, { status = "active", since = "2024-03-05T10:00", email = "" } = {}): Promise<number> {
  await page.goto("/admin/suppliers/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Contact email").fill(email);
  await page.getByLabel("Status").selectOption(status);
  await page.getByLabel("Contract start").fill(since);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await page.waitForURL(/\/admin\/suppliers\/\d+\?notice=created$/);
  await expect(page.getByRole("status")).toHaveText(`Supplier “${name}” created.`);
  return Number(new URL(page.url()).pathname.split("/").pop());
}

test("lists suppliers, filters by status and sorts by contract start", async ({ page }) => {
  await page.goto("/admin/suppliers");
  const names = (await readTable(page)).map((r) => r.Name!);
  expect(names).toEqual(expect.arrayContaining(["Acme Tooling", "Corner Garden Co", "Dockside Toys"]));
  // Sorted by name by default, in the database's own collation (other tests may add rows meanwhile).
  expect(names).toEqual(inDatabaseOrder("name", names));

  await page.goto("/admin/suppliers?status=paused");
  const paused = await readTable(page);
  expect(paused.map((r) => r.Name)).toContain("Corner Garden Co");
  for (const r of paused) expect(r.Status).toBe("paused");
  await expect(page.getByRole("list", { name: "Active filters" }).getByRole("link", { name: "Remove filter Status: paused" })).toBeVisible();

  await page.goto("/admin/suppliers");
  await page.getByRole("link", { name: "Contract start (sort)" }).click();
  await page.waitForURL(/sort=since/);
  await expect(page.getByRole("columnheader", { name: /Contract start/ })).toHaveAttribute("aria-sort", "ascending");
  const bySince = (await readTable(page)).map((r) => r.Name!);
  expect(bySince.slice(0, 5)).toEqual(["Dockside Toys", "Corner Garden Co", "Acme Tooling", "Brightside Books", "Evergreen Foods"]);
  expect(bySince).toEqual(inDatabaseOrder("since", bySince));
});

test("search finds a rare term in the name or the contact email", async ({ page }) => {
  const tag = uniqueTag("Rare");
  await createSupplier(page, `${tag} Traders`);
  await createSupplier(page, `Quiet supplier ${tag.length}`, { email: `buyer.${tag.toLowerCase()}@vendor.example` });
  for (const q of [tag, tag.toLowerCase().slice(2)]) {
    await page.goto("/admin/suppliers");
    await page.getByLabel("Search suppliers").fill(q);
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("q") === q);
    expect((await readTable(page)).map((r) => r.Name).sort()).toEqual([`${tag} Traders`, `Quiet supplier ${tag.length}`].sort());
  }
});

test("a supplier's page lists its items and links to the items it supplies", async ({ page }) => {
  const acme = queryDb<{ id: number }>("select id from suppliers where name = 'Acme Tooling'")[0]!.id;
  const supplied = queryDb<{ name: string }>("select name from items where supplier_id = ? order by created_at desc, id desc", acme).map((r) => r.name);
  expect(supplied.length).toBeGreaterThan(0);
  await page.goto(`/admin/suppliers/${acme}`);
  const section = page.getByRole("region", { name: "Items" });
  await expect(section.getByRole("link", { name: supplied[0] })).toBeVisible();
  await section.getByRole("link", { name: `View all (${supplied.length})` }).click();
  await page.waitForURL((url) => url.pathname === "/admin/items" && url.searchParams.get("supplier") === String(acme));
  expect(new Set((await readTable(page)).map((r) => r.Name))).toEqual(new Set(supplied.slice(0, 25)));
  for (const r of await readTable(page)) expect(r.Supplier).toBe("Acme Tooling");
});

test("create shows errors next to the fields first, then creates, audits, edits and deletes", async ({ page }) => {
  const name = uniqueTag("Supplier");
  await page.goto("/admin/suppliers/new");
  await page.getByLabel("Contact email").fill("not-an-email");
  await page.getByLabel("Contract start").fill("2024-01-02T03:04");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.locator("#name-error")).toHaveText("Name is required.");
  await expect(page.locator("#contactEmail-error")).toHaveText("Enter a valid email address.");
  await expect(page.getByLabel("Contact email")).toHaveValue("not-an-email");
  await expect(page).toHaveURL("/admin/suppliers/new");
  expect(queryDb("select id from suppliers where contact_email = 'not-an-email'")).toEqual([]);

  const id = await createSupplier(page, name, { status: "paused", since: "2024-03-05T10:00", email: "Desk@Example.com" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(detail(page, "Status")).toHaveText("paused");
  expect(queryDb("select name, contact_email, status, since from suppliers where id = ?", id)).toEqual([
    { name, contact_email: "desk@example.com", status: "paused", since: expect.anything() as unknown },
  ]);
  expect(queryDb("select action, actor_email from audit_log where resource = 'suppliers' and record_id = ?", String(id))).toEqual([{ action: "create", actor_email: ACCOUNTS.admin.email }]);

  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page).toHaveURL(`/admin/suppliers/${id}/edit`);
  await page.getByLabel("Status").selectOption("ended");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(`/admin/suppliers/${id}?notice=updated`);
  await expect(detail(page, "Status")).toHaveText("ended");
  expect(queryDb("select status from suppliers where id = ?", id)).toEqual([{ status: "ended" }]);

  // An item it supplied keeps existing, without a supplier.
  const item = queryDb<{ id: number }>("select id from items order by id limit 1")[0]!.id;
  execDb("update items set supplier_id = ? where id = ?", id, item);
  await page.getByRole("link", { name: "Delete", exact: true }).click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await expect(page).toHaveURL("/admin/suppliers?notice=deleted&count=1");
  expect(queryDb("select id from suppliers where id = ?", id)).toEqual([]);
  expect(queryDb("select supplier_id from items where id = ?", item)).toEqual([{ supplier_id: null }]);
});

test("bulk-deletes the selected suppliers, and exports the current query as CSV", async ({ page }) => {
  const tag = uniqueTag("Bulk");
  const names = ["a", "b", "c"].map((s) => `${tag} ${s}`);
  for (const name of names) await createSupplier(page, name, { email: `${name.slice(-1)}@bulk.example` });

  const res = await page.request.get(`/admin/suppliers/export?q=${tag}&sort=name`);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-disposition"]).toMatch(/^attachment; filename="suppliers-/);
  const lines = (await res.text()).split("\r\n").filter(Boolean);
  expect(lines[0]).toBe("ID,Name,Contact email,Status,Contract start,Notes,Created,Updated");
  expect(lines.slice(1).map((l) => l.split(",").slice(1, 5))).toEqual(names.map((n) => [n, `${n.slice(-1)}@bulk.example`, "active", "2024-03-05T10:00:00.000Z"]));

  await page.goto(`/admin/suppliers?q=${tag}&sort=name`);
  for (const name of names.slice(0, 2)) await page.getByRole("checkbox", { name: `Select ${name}` }).check();
  await page.getByLabel("With selected").selectOption({ label: "Delete" });
  await page.getByRole("button", { name: "Apply" }).click();
  const confirm = page.getByRole("group", { name: "Confirm bulk action" });
  await expect(confirm).toContainText("Delete 2 suppliers?");
  await confirm.getByRole("button", { name: "Yes, delete 2" }).click();
  await page.waitForURL(/notice=deleted/);
  await expect(page.getByRole("status")).toHaveText("2 suppliers deleted.");
  expect(suppliersNamed(tag).map((r) => r.name)).toEqual(names.slice(2));
});

test("the role form offers suppliers' permissions; a view-only role lists but cannot create or export", async ({ page, browser }) => {
  await page.goto("/admin/roles/new");
  for (const action of ["view", "create", "update", "delete", "export"]) await expect(page.getByRole("checkbox", { name: `${action.charAt(0).toUpperCase()}${action.slice(1)} suppliers`, exact: true })).toBeVisible();

  await page.goto("/admin/suppliers/new");
  await page.getByLabel("Name").fill("placeholder");
  await page.getByLabel("Contract start").fill("2024-01-01T00:00");
  const create = await captureAction(page, page.getByRole("button", { name: "Save", exact: true }));

  const role = `suppliers-viewer-${process.pid}-${Date.now().toString(36)}`;
  const email = uniqueEmail("supplierviewer");
  cli(["roles", "create", role, "--permission", "suppliers:view"]);
  cli(["users", "create", "--email", email, "--role", role], `${STRONG_PASSWORD}\n`);
  const viewer = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await signIn(viewer, email, STRONG_PASSWORD);
  await viewer.waitForURL("/admin");
  expect((await viewer.goto("/admin/suppliers"))?.status()).toBe(200);
  expect((await readTable(viewer)).map((r) => r.Name)).toContain("Acme Tooling");
  await expect(viewer.getByRole("link", { name: /New supplier/ })).toHaveCount(0);
  await expect(viewer.getByRole("link", { name: "Export CSV" })).toHaveCount(0);
  expect((await viewer.goto("/admin/suppliers/new"))?.status()).toBe(403);
  expect((await viewer.request.get("/admin/suppliers/export")).status()).toBe(403);
  expect((await viewer.request.get("/admin/items")).status()).toBe(403);

  const forged = uniqueTag("Forged");
  const res = await replayAction(viewer.request, create, { form: { name: forged } });
  expect(res.status()).not.toBe(500);
  expect(suppliersNamed(forged)).toEqual([]);
  await viewer.context().close();
});
