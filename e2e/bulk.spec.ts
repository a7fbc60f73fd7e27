import { expect, test, type Browser, type Page } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { cli, STRONG_PASSWORD, uniqueEmail } from "./support/cli";
import { execDb, queryDb } from "./support/db";
import { createItem, readTable, uniqueTag } from "./support/items";
import { signIn } from "./support/session";
import { seriousViolations } from "./support/axe";

/**
 * Bulk actions on a list, as Django's changelist has them: a refusal keeps
 * what the user chose, "select all N" acts on every row of the list's query
 * (and only the user's own rows under an :own role), and all of it works
 * without JavaScript.
 */

test.use({ storageState: ACCOUNTS.admin.state });

type ItemRow = { name: string; category: string; price_cents: number; in_stock: number; owner_id: string | null };
const rowsTagged = (tag: string) => queryDb<ItemRow>("select name, category, price_cents, in_stock, owner_id from items where name like ? order by name", `${tag}%`);

async function noScriptPage(browser: Browser, state: string = ACCOUNTS.admin.state): Promise<Page> {
  return (await browser.newContext({ storageState: state, javaScriptEnabled: false })).newPage();
}

test("a refused bulk action keeps the ticked rows and the chosen action, and replaces the last success notice", async ({ page }) => {
  test.slow();
  const tag = uniqueTag("BulkKeep");
  for (const s of ["a", "b", "c"]) await createItem(page, { name: `${tag} ${s}`, price: "5.00" });
  await page.goto(`/admin/items?q=${tag}&sort=name`);
  await page.getByRole("checkbox", { name: `Select ${tag} a` }).check();
  await page.getByRole("checkbox", { name: `Select ${tag} b` }).check();
  await page.getByLabel("With selected").selectOption({ label: "Set field…" });
  await page.getByLabel("Field", { exact: true }).selectOption({ label: "In stock" });
  await page.getByLabel("Value", { exact: true }).selectOption({ label: "Yes" });
  await page.getByRole("button", { name: "Apply", exact: true }).click();
  await page.waitForURL(/notice=bulk/);
  const notice = page.getByRole("status").filter({ hasText: "2 items updated." });
  await expect(notice).toBeVisible();

  await page.getByRole("checkbox", { name: `Select ${tag} a` }).check();
  await page.getByRole("checkbox", { name: `Select ${tag} c` }).check();
  await page.getByLabel("With selected").selectOption({ label: "Set field…" });
  await page.getByLabel("Field", { exact: true }).selectOption({ label: "Price" });
  await page.getByLabel("Value", { exact: true }).fill("-3");
  await page.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Price:" })).toHaveText("Price: Price cannot be negative.");
  await expect(notice).toHaveCount(0);
  await expect(page.getByRole("checkbox", { name: `Select ${tag} a` })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: `Select ${tag} b` })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: `Select ${tag} c` })).toBeChecked();
  await expect(page.getByLabel("With selected")).toHaveValue("set");
  await expect(page.getByLabel("Field", { exact: true })).toHaveValue("price");
  await expect(page.getByLabel("Value", { exact: true })).toHaveValue("-3");
  expect(rowsTagged(tag).map((r) => r.price_cents)).toEqual([500, 500, 500]);

  // Corrected and applied again: the new success notice is shown.
  await page.getByLabel("Value", { exact: true }).fill("3");
  await page.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "2 items updated." })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Price:" })).toHaveCount(0);
  expect(rowsTagged(tag).map((r) => r.price_cents)).toEqual([300, 500, 300]);
});

test("select all N matching changes every row of the filtered query across pages, and only those", async ({ page }) => {
  test.slow();
  const tag = uniqueTag("BulkAll");
  for (let i = 10; i < 21; i++) await createItem(page, { name: `${tag} ${i}`, category: "toys", inStock: true });
  await createItem(page, { name: `${tag} other`, category: "books", inStock: true });
  await page.goto(`/admin/items?q=${tag}&category=toys&sort=name&per=10`);
  await expect(page.getByRole("table").locator("tbody tr")).toHaveCount(10);
  await page.getByRole("checkbox", { name: "Select all rows on this page" }).check();
  await expect(page.getByText("All 10 items on this page are selected.")).toBeVisible();
  await page.getByRole("button", { name: "Select all 11 items" }).click();
  await expect(page.getByText("All 11 items are selected.")).toBeVisible();
  await page.getByLabel("With selected").selectOption({ label: "Set field…" });
  await page.getByLabel("Field", { exact: true }).selectOption({ label: "In stock" });
  await page.getByLabel("Value", { exact: true }).selectOption({ label: "No" });
  await page.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("11 items updated.");
  const rows = rowsTagged(tag);
  expect(rows.filter((r) => r.category === "toys").map((r) => r.in_stock)).toEqual(Array(11).fill(0));
  expect(rows.find((r) => r.category === "books")!.in_stock).toBe(1);

  // Unticking a row goes back to the ticked rows only.
  await page.getByRole("checkbox", { name: "Select all rows on this page" }).check();
  await page.getByRole("button", { name: "Select all 11 items" }).click();
  await page.getByRole("checkbox", { name: `Select ${tag} 10` }).uncheck();
  await expect(page.getByText("All 11 items are selected.")).toHaveCount(0);

  // Delete of all matching states the real count first.
  await page.getByRole("checkbox", { name: `Select ${tag} 10` }).check();
  await page.getByRole("button", { name: "Select all 11 items" }).click();
  await page.getByLabel("With selected").selectOption({ label: "Delete" });
  await page.getByRole("button", { name: "Apply", exact: true }).click();
  const confirm = page.getByRole("group", { name: "Confirm bulk action" });
  await expect(confirm).toContainText("Delete all 11 matching items? This cannot be undone.");
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const found = await seriousViolations(page);
    expect(found, found.join("\n")).toEqual([]);
  }
  await confirm.getByRole("button", { name: "Yes, delete 11" }).click();
  await expect(page.getByRole("status")).toHaveText("11 items deleted.");
  expect(rowsTagged(tag).map((r) => r.name)).toEqual([`${tag} other`]);
});

test.describe("without JavaScript", () => {
  test("delete of all matching rows, confirmed with their count", async ({ page, browser }) => {
    test.slow();
    const tag = uniqueTag("BulkNoJs");
    for (const s of ["a", "b", "c"]) await createItem(page, { name: `${tag} ${s}`, category: "tools" });
    await createItem(page, { name: `${tag} keep`, category: "music" });
    const plain = await noScriptPage(browser);
    await plain.goto(`/admin/items?q=${tag}&category=tools`);
    await plain.getByLabel("With selected").selectOption({ label: "Delete" });
    await plain.getByRole("radio", { name: "All 3 matching items" }).check();
    await plain.getByRole("button", { name: "Apply", exact: true }).click();
    const confirm = plain.getByRole("group", { name: "Confirm bulk action" });
    await expect(confirm).toContainText("Delete all 3 matching items? This cannot be undone.");
    expect(rowsTagged(tag)).toHaveLength(4);
    await confirm.getByRole("button", { name: "Yes, delete 3" }).click();
    await expect(plain.getByRole("status")).toHaveText("3 items deleted.");
    expect(rowsTagged(tag).map((r) => r.name)).toEqual([`${tag} keep`]);
    await plain.context().close();
  });

  test("Set field works: the field and its value are posted with the form", async ({ page, browser }) => {
    test.slow();
    const tag = uniqueTag("BulkNoJsSet");
    for (const s of ["a", "b"]) await createItem(page, { name: `${tag} ${s}`, category: "food" });
    const plain = await noScriptPage(browser);
    await plain.goto(`/admin/items?q=${tag}&sort=name`);
    await plain.getByRole("checkbox", { name: `Select ${tag} b` }).check();
    await plain.getByLabel("With selected").selectOption({ label: "Set field…" });
    const set = plain.getByRole("group", { name: "Set field…" });
    await set.getByLabel("Field").selectOption({ label: "Category" });
    await set.getByLabel("New category").selectOption("garden");
    await set.getByLabel("New price").fill("4.50");
    await plain.getByRole("button", { name: "Apply", exact: true }).click();
    await expect(plain.getByRole("status")).toHaveText("Item updated.");
    expect(rowsTagged(tag).map((r) => [r.category, r.price_cents])).toEqual([
      ["food", 100],
      ["garden", 100],
    ]);
    // A bad value is refused with the form's message; the chosen action stays.
    await plain.getByRole("checkbox", { name: `Select ${tag} a` }).check();
    await plain.getByLabel("With selected").selectOption({ label: "Set field…" });
    await plain.getByRole("group", { name: "Set field…" }).getByLabel("Field").selectOption({ label: "Price" });
    await plain.getByRole("group", { name: "Set field…" }).getByLabel("New price").fill("-3");
    await plain.getByRole("button", { name: "Apply", exact: true }).click();
    await expect(plain.getByRole("alert").filter({ hasText: "Price:" })).toHaveText("Price: Price cannot be negative.");
    await expect(plain.getByRole("status").filter({ hasText: "updated" })).toHaveCount(0);
    await expect(plain.getByLabel("With selected")).toHaveValue("set");
    expect(rowsTagged(tag).map((r) => r.price_cents)).toEqual([100, 100]);
    await plain.context().close();
  });
});

test("a contributor's 'all matching' reaches only their own rows", async ({ page, browser, baseURL }) => {
  test.slow();
  const tag = uniqueTag("BulkOwn");
  const email = uniqueEmail("bulkown");
  cli(["users", "create", "--email", email, "--role", "contributor"], `${STRONG_PASSWORD}\n`);
  await createItem(page, { name: `${tag} admin`, inStock: true });
  for (const s of ["a", "b"]) await createItem(page, { name: `${tag} own ${s}`, inStock: true });
  const owner = queryDb<{ id: string }>("select id from users where email = ?", email)[0]!.id;
  execDb("update items set owner_id = ? where name like ?", owner, `${tag} own%`);

  const plain = await (await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] }, javaScriptEnabled: false })).newPage();
  await signIn(plain, email, STRONG_PASSWORD);
  await plain.goto(`/admin/items?q=${tag}`);
  expect((await readTable(plain)).map((r) => r.Name).sort()).toEqual([`${tag} own a`, `${tag} own b`]);
  await plain.getByLabel("With selected").selectOption({ label: "Set field…" });
  const set = plain.getByRole("group", { name: "Set field…" });
  await set.getByLabel("Field").selectOption({ label: "In stock" });
  await set.getByLabel("New in stock").selectOption({ label: "No" });
  await plain.getByRole("radio", { name: "All 2 matching items" }).check();
  await plain.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(plain.getByRole("status")).toHaveText("2 items updated.");
  const rows = rowsTagged(tag);
  expect(rows.map((r) => [r.name, r.in_stock])).toEqual([
    [`${tag} admin`, 1],
    [`${tag} own a`, 0],
    [`${tag} own b`, 0],
  ]);

  // Every item of theirs, none of anyone else's, whatever the list's query.
  await plain.goto(`/admin/items`);
  await plain.getByLabel("With selected").selectOption({ label: "Delete" });
  await plain.getByRole("radio", { name: /^All \d+ matching items$/ }).check();
  await plain.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(plain.getByRole("group", { name: "Confirm bulk action" })).toContainText("Delete all 2 matching items?");
  await plain.getByRole("button", { name: "Yes, delete 2" }).click();
  await expect(plain.getByRole("status")).toHaveText("2 items deleted.");
  expect(rowsTagged(tag).map((r) => r.name)).toEqual([`${tag} admin`]);
  await plain.context().close();
});

test("a list row costs two Tab stops; the table's edit buttons one in all", async ({ page }) => {
  const tag = uniqueTag("BulkTabs");
  for (const s of ["a", "b", "c"]) await createItem(page, { name: `${tag} ${s}` });
  await page.goto(`/admin/items?q=${tag}&sort=name`);
  await page.getByRole("button", { name: `Edit category of ${tag} a` }).waitFor();
  const selectAll = page.getByRole("checkbox", { name: "Select all rows on this page" });
  await selectAll.focus();
  // Tab from the header's select-all through the sort links and the rows, until focus leaves the rows.
  const stops: string[] = [];
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press("Tab");
    const where = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el?.closest("tbody") ? (el.getAttribute("aria-label") ?? el.textContent ?? "").trim() : null;
    });
    if (where !== null) stops.push(where);
    else if (stops.length) break;
  }
  expect(stops).toEqual([`Select ${tag} a`, `${tag} a`, `Edit category of ${tag} a`, `Select ${tag} b`, `${tag} b`, `Select ${tag} c`, `${tag} c`]);
});
