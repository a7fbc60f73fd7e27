import { expect, test } from "@playwright/test";
import { encodeCursor } from "../lib/resources/engine/params";
import { ACCOUNTS } from "./support/accounts";
import { queryDb } from "./support/db";
import { cents, createItem, detail, readTable, searchFor, uniqueTag } from "./support/items";

test.use({ storageState: ACCOUNTS.admin.state });

test("creates an item through the form, shows it, and edits it", async ({ page }) => {
  const name = uniqueTag("Create");
  const id = await createItem(page, { name, category: "tools", price: "12.34", inStock: true, description: "Line one\nLine two" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(detail(page, "Price")).toHaveText("$12.34");
  await expect(detail(page, "Category")).toHaveText("tools");
  await expect(detail(page, "In stock")).toContainText("Yes");
  await expect(detail(page, "Description")).toHaveText("Line one\nLine two");
  expect(queryDb("select name, category, price_cents, in_stock from items where id = ?", id)).toEqual([{ name, category: "tools", price_cents: 1234, in_stock: 1 }]);

  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page).toHaveURL(`/admin/items/${id}/edit`);
  await expect(page.getByLabel("Price")).toHaveValue("12.34");
  await page.getByLabel("Name").fill(`${name} edited`);
  await page.getByLabel("Price").fill("20");
  await page.getByLabel("In stock").uncheck();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(`/admin/items/${id}?notice=updated`);
  await expect(page.getByRole("status")).toHaveText(`Item “${name} edited” saved.`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${name} edited`);
  await expect(detail(page, "Price")).toHaveText("$20.00");
  expect(queryDb("select name, price_cents, in_stock from items where id = ?", id)).toEqual([{ name: `${name} edited`, price_cents: 2000, in_stock: 0 }]);
});

test("search finds a unique name, and % and _ match themselves", async ({ page }) => {
  const tag = uniqueTag("Find");
  await createItem(page, { name: `${tag} alpha` });
  await createItem(page, { name: `100%_real ${tag}` });
  await page.goto("/admin/items");
  await searchFor(page, tag);
  expect((await readTable(page)).map((r) => r.Name).sort()).toEqual([`${tag} alpha`, `100%_real ${tag}`].sort());
  await expect(page.getByRole("list", { name: "Active filters" }).getByRole("link", { name: `Remove search ${tag}` })).toBeVisible();

  await searchFor(page, "%_");
  const rows = await readTable(page);
  expect(rows.map((r) => r.Name)).toContain(`100%_real ${tag}`);
  for (const r of rows) expect(r.Name).toContain("%_");
  await expect(page.getByTestId("range")).not.toContainText(/of \d{3}/);
  await searchFor(page, "_");
  for (const r of await readTable(page)) expect(r.Name).toContain("_");
});

test("filters by category and price range: every row shown matches", async ({ page }) => {
  // Two categories at once: a bookmarked address (the sidebar's links choose one).
  await page.goto("/admin/items?category=books&category=tools");
  await page.getByLabel("Price from").fill("100");
  await page.getByLabel("Price to").fill("400.50");
  await page.getByRole("button", { name: "Filter by price" }).click();
  await page.waitForURL((url) => url.searchParams.has("price_min"));
  const url = new URL(page.url());
  expect(url.searchParams.getAll("category").sort()).toEqual(["books", "tools"]);
  expect([url.searchParams.get("price_min"), url.searchParams.get("price_max")]).toEqual(["100", "400.50"]);

  const rows = await readTable(page);
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) {
    expect(["books", "tools"]).toContain(r.Category);
    expect(cents(r.Price!)).toBeGreaterThanOrEqual(10000);
    expect(cents(r.Price!)).toBeLessThanOrEqual(40050);
  }
  const chips = page.getByRole("list", { name: "Active filters" });
  await expect(chips.getByRole("link", { name: "Remove filter Category: books, tools" })).toBeVisible();
  await chips.getByRole("link", { name: "Remove filter Price: $100.00 – $400.50" }).click();
  await page.waitForURL((u) => !u.searchParams.has("price_min"));
  expect(new URL(page.url()).searchParams.getAll("category").sort()).toEqual(["books", "tools"]);
  const categories = page.getByRole("navigation", { name: "Filters" }).getByRole("region", { name: "By category" });
  for (const name of ["books", "tools"]) await expect(categories.getByRole("link", { name, exact: true })).toHaveAttribute("aria-current", "true");
});

test("sorts by price descending from the column header", async ({ page }) => {
  await page.goto("/admin/items");
  await page.getByRole("link", { name: "Price (sort)" }).click();
  await page.waitForURL(/sort=price/);
  await expect(page.getByRole("columnheader", { name: /Price/ })).toHaveAttribute("aria-sort", "ascending");
  await page.getByRole("link", { name: "Price (sorted ascending)" }).click();
  await page.waitForURL(/sort=-price/);
  await expect(page.getByRole("columnheader", { name: /Price/ })).toHaveAttribute("aria-sort", "descending");
  const prices = (await readTable(page)).map((r) => cents(r.Price!));
  expect(prices.length).toBe(25);
  for (let i = 1; i < prices.length; i++) expect(prices[i]!).toBeLessThanOrEqual(prices[i - 1]!);
  expect(prices[0]).toBe(queryDb<{ m: number }>("select max(price_cents) as m from items")[0]!.m);
});

test("paginates: 10 per page, Next, and back/forward keep the URL state", async ({ page }) => {
  // Oldest first: the demo items, which no test changes, come before any new one.
  const expected = (offset: number) => queryDb<{ name: string }>("select name from items order by created_at, id limit 10 offset ?", offset).map((r) => r.name);
  await page.goto("/admin/items?sort=createdAt");
  await page.getByRole("group", { name: "Rows per page" }).getByRole("link", { name: "10", exact: true }).click();
  await page.waitForURL(/per=10/);
  await expect(page.getByTestId("range")).toContainText("Rows 1–10 of");
  const nav = page.getByRole("navigation", { name: "Pagination" });
  await nav.getByRole("link", { name: "Next" }).click();
  await page.waitForURL(/page=2/);
  await expect(page.getByTestId("range")).toContainText("Rows 11–20 of");
  await expect(nav.getByRole("link", { name: "Page 2" })).toHaveAttribute("aria-current", "page");
  expect((await readTable(page)).map((r) => r.Name)).toEqual(expected(10));
  await nav.getByRole("link", { name: "Next" }).click();
  await page.waitForURL(/page=3/);
  expect((await readTable(page)).map((r) => r.Name)).toEqual(expected(20));

  await page.goBack();
  await page.waitForURL(/page=2/);
  expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ sort: "createdAt", per: "10", page: "2" });
  await expect(page.getByTestId("range")).toContainText("Rows 11–20 of");
  expect((await readTable(page)).map((r) => r.Name)).toEqual(expected(10));
  await page.goForward();
  await page.waitForURL(/page=3/);
  await expect(page.getByTestId("range")).toContainText("Rows 21–30 of");
});

test("bulk-deletes the selected items after confirming how many", async ({ page }) => {
  const tag = uniqueTag("Bulk");
  const names = ["a", "b", "c", "d", "e"].map((s) => `${tag} ${s}`);
  for (const name of names) await createItem(page, { name });
  await page.goto(`/admin/items?q=${tag}&sort=name`);
  for (const name of names.slice(0, 3)) await page.getByRole("checkbox", { name: `Select ${name}` }).check();
  await page.getByLabel("With selected").selectOption({ label: "Delete" });
  await page.getByRole("button", { name: "Apply" }).click();
  const confirm = page.getByRole("group", { name: "Confirm bulk action" });
  await expect(confirm).toContainText("Delete 3 items?");
  expect(queryDb("select id from items where name like ?", `${tag}%`)).toHaveLength(5);
  await confirm.getByRole("button", { name: "Yes, delete 3" }).click();
  await page.waitForURL(/notice=deleted/);
  await expect(page.getByRole("status")).toHaveText("3 items deleted.");
  expect(new URL(page.url()).searchParams.get("q")).toBe(tag);
  expect((await readTable(page)).map((r) => r.Name)).toEqual(names.slice(3));
  expect(queryDb<{ name: string }>("select name from items where name like ? order by name", `${tag}%`).map((r) => r.name)).toEqual(names.slice(3));
});

test("exports the current query as CSV, neutralising formulas", async ({ page }) => {
  const tag = uniqueTag("Csv");
  const formula = await createItem(page, { name: `=1+1 ${tag}`, category: "food", price: "3.5" });
  const plain = await createItem(page, { name: `Plain ${tag}`, category: "toys", price: "1234.56", inStock: true });
  await page.goto(`/admin/items?q=${tag}&sort=name`);
  const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  expect(href).toContain(`q=${tag}`);
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/csv");
  expect(res.headers()["content-disposition"]).toMatch(/^attachment; filename="items-/);
  const lines = (await res.text()).split("\r\n").filter(Boolean);
  expect(lines[0]).toBe("ID,Name,Category,Price,In stock,Description,Owner,Supplier,Created,Updated");
  expect(lines).toHaveLength(3);
  const rows = lines.slice(1).map((l) => l.split(","));
  expect(rows.map((r) => r.slice(0, 5))).toEqual([
    [String(formula), `'=1+1 ${tag}`, "food", "3.50", "No"],
    [String(plain), `Plain ${tag}`, "toys", "1234.56", "Yes"],
  ]);
  // The direct URL with only q gives the same rows.
  expect((await (await page.request.get(`/admin/items/export?q=${tag}`)).text()).split("\r\n").filter(Boolean)).toHaveLength(3);
});

test("invalid values get messages next to their fields, keep the input and write nothing", async ({ page }) => {
  const marker = uniqueTag("Invalid");
  await page.goto("/admin/items/new");
  await page.getByLabel("Category").selectOption("toys");
  await page.getByLabel("Price").fill("abc");
  await page.getByLabel("Description").fill(marker);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Please correct the highlighted fields.");
  await expect(page.locator("#name-error")).toHaveText("Name is required.");
  await expect(page.locator("#price-error")).toHaveText("Enter an amount like 12.50 (at most 2 decimals).");
  await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Price")).toHaveAttribute("aria-describedby", "price-error");
  await expect(page.getByLabel("Price")).toHaveValue("abc");
  await expect(page.getByLabel("Category")).toHaveValue("toys");
  await expect(page.getByLabel("Description")).toHaveValue(marker);
  await expect(page).toHaveURL("/admin/items/new");

  const long = `${marker}`.padEnd(65, "x");
  await page.getByLabel("Name").fill(long);
  await page.getByLabel("Price").fill("5.00");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.locator("#name-error")).toHaveText("Name must be at most 64 characters.");
  await expect(page.locator("#price-error")).toHaveCount(0);
  await expect(page.getByLabel("Name")).toHaveValue(long);
  await expect(page.getByLabel("Price")).toHaveValue("5.00");
  expect(queryDb("select id from items where description = ? or name like ?", marker, `${marker}%`)).toEqual([]);
});

test("markup and javascript: URLs in text render as text", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const tag = uniqueTag("Xss");
  const name = `<script>alert(1)</script>${tag}`;
  const description = `<img src=x onerror=alert(2)> <a href="javascript:alert(3)">x</a> javascript:alert(4)`;
  const id = await createItem(page, { name, description });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(detail(page, "Description")).toHaveText(description);
  await expect(page.locator("main img")).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
  await page.goto(`/admin/items?q=${tag}`);
  await expect(page.getByRole("link", { name })).toHaveAttribute("href", `/admin/items/${id}`);
  await page.goto(`/admin/items/${id}/edit`);
  await expect(page.getByLabel("Name")).toHaveValue(name);
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
});

test("bad list URL values are clamped or ignored, never a 500", async ({ page }) => {
  for (const qs of ["page=-1", "per=1e9", "per=abc", "sort=nope", "sort=-passwordHash", "price_min=abc", "price_max=1e400", "created_from=2024-02-30", "in_stock=maybe", "category=nope", "page=99999999999999999999", `owner=${"9".repeat(500)}`, `q=${"%25".repeat(3000)}`]) {
    const res = await page.request.get(`/admin/items?${qs}`);
    expect(res.status(), qs).toBe(200);
  }
  await page.goto("/admin/items?per=1e9&page=-1&sort=nope");
  await expect(page.getByTestId("range")).toContainText("Rows 1–100 of");
  expect(await page.getByRole("table").locator("tbody tr").count()).toBe(100);
  const huge = await page.request.get(`/admin/items?q=${"a".repeat(1024 * 1024)}`);
  expect(huge.status(), "1 MB q").toBeLessThan(500);
});

test("a keyset cursor continues the list exactly where page numbers would", async ({ page }) => {
  // Oldest first: items that other tests create go to the end, so these pages hold still.
  await page.goto("/admin/items?per=10&sort=createdAt&page=2");
  const pageTwo = (await readTable(page)).map((r) => r.Name);
  const [last] = queryDb<{ id: number; created_at: number }>("select id, created_at from items order by created_at asc, id asc limit 1 offset 9");
  await page.goto(`/admin/items?per=10&sort=createdAt&after=${encodeCursor({ value: last!.created_at, id: last!.id })}`);
  expect((await readTable(page)).map((r) => r.Name)).toEqual(pageTwo);
  await expect(page.getByRole("link", { name: "First page" })).toBeVisible();
  // A forged cursor is ignored, never an error.
  expect((await page.goto("/admin/items?after=bm90LWpzb24"))?.status()).toBe(200);
});
