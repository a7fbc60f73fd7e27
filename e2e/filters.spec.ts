import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { E2E_DIALECT } from "./env";
import { execDb, queryDb } from "./support/db";
import { createItem, readTable, uniqueTag } from "./support/items";
import { seriousViolations } from "./support/axe";

/**
 * The list's filter sidebar (Django's list_filter): one-click choices as
 * links, quick date ranges, counts on request, clean addresses; beside the
 * list on wide screens, a closed disclosure above it on phones.
 */

test.use({ storageState: ACCOUNTS.admin.state });

const DAY = 86_400_000;
const sidebar = (page: Page) => page.getByRole("navigation", { name: "Filters" });
const group = (page: Page, name: string) => sidebar(page).getByRole("region", { name });

/** Moves an item's creation time (both databases store it their own way). */
function setCreated(id: number, at: number) {
  execDb(E2E_DIALECT === "postgres" ? "update items set created_at = to_timestamp(cast(? as bigint) / 1000.0) where id = ?" : "update items set created_at = ? where id = ?", at, id);
}

async function pageScrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

test("one click on a category filters the list, and All clears it", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/admin/items");
  await expect(group(page, "By category").getByRole("link", { name: "All" })).toHaveAttribute("aria-current", "true");
  await group(page, "By category").getByRole("link", { name: "books", exact: true }).click();
  await page.waitForURL((u) => u.searchParams.get("category") === "books");
  expect([...new URL(page.url()).searchParams.keys()]).toEqual(["category"]);
  const rows = await readTable(page);
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) expect(r.Category).toBe("books");
  await expect(group(page, "By category").getByRole("link", { name: "books", exact: true })).toHaveAttribute("aria-current", "true");
  await group(page, "By in stock").getByRole("link", { name: "No", exact: true }).click();
  await page.waitForURL((u) => u.searchParams.get("in_stock") === "false");
  for (const r of await readTable(page)) expect([r.Category, r["In stock"]]).toEqual(["books", "No"]);
  await group(page, "By category").getByRole("link", { name: "All" }).click();
  await page.waitForURL((u) => !u.searchParams.has("category"));
  expect(new URL(page.url()).search).toBe("?in_stock=false");
});

test("quick date ranges: Today, Past 7 days and This year hold the items created then", async ({ page }) => {
  const tag = uniqueTag("Dated");
  const now = await createItem(page, { name: `${tag} now` });
  const tenDays = await createItem(page, { name: `${tag} ten days` });
  const old = await createItem(page, { name: `${tag} old` });
  setCreated(tenDays, Date.now() - 10 * DAY);
  setCreated(old, Date.now() - 800 * DAY);
  const thisYear = new Date(Date.now() - 10 * DAY).getUTCFullYear() === new Date().getUTCFullYear();
  const shown = async (choice: string, token: string) => {
    await page.goto(`/admin/items?q=${tag}`);
    await group(page, "By created").getByRole("link", { name: choice, exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get("created") === token);
    await expect(group(page, "By created").getByRole("link", { name: choice, exact: true })).toHaveAttribute("aria-current", "true");
    return (await page.getByRole("table").count()) ? (await readTable(page)).map((r) => r.Name).sort() : [];
  };
  expect(await shown("Today", "today")).toEqual([`${tag} now`]);
  expect(await shown("Past 7 days", "7d")).toEqual([`${tag} now`]);
  expect(await shown("This year", "year")).toEqual(thisYear ? [`${tag} now`, `${tag} ten days`] : [`${tag} now`]);
  await group(page, "By created").getByRole("link", { name: "Any date" }).click();
  await page.waitForURL((u) => !u.searchParams.has("created"));
  expect((await readTable(page)).map((r) => r.Name).sort()).toEqual([`${tag} now`, `${tag} old`, `${tag} ten days`]);
  expect(now).toBeGreaterThan(0);
});

test("counts appear on request, for the current search minus each filter", async ({ page }) => {
  const tag = uniqueTag("Counted");
  await createItem(page, { name: `${tag} a`, category: "books", inStock: true });
  await createItem(page, { name: `${tag} b`, category: "books" });
  await createItem(page, { name: `${tag} c`, category: "tools", inStock: true });
  await page.goto(`/admin/items?q=${tag}&category=books`);
  await expect(sidebar(page).getByText(/\(\d+\)/)).toHaveCount(0);
  await sidebar(page).getByRole("link", { name: "Show counts" }).click();
  await page.waitForURL((u) => u.searchParams.get("facets") === "1");
  const category = group(page, "By category");
  await expect(category.getByRole("link", { name: "All (3)" })).toBeVisible();
  await expect(category.getByRole("link", { name: "books (2)" })).toHaveAttribute("aria-current", "true");
  await expect(category.getByRole("link", { name: "tools (1)" })).toBeVisible();
  await expect(category.getByRole("link", { name: "garden (0)" })).toBeVisible();
  // In stock counts keep the category filter: of the two books, one is in stock.
  await expect(group(page, "By in stock").getByRole("link", { name: "Yes (1)" })).toBeVisible();
  await expect(group(page, "By created").getByRole("link", { name: "Today (2)" })).toBeVisible();
  // Links keep the counts on; "Hide counts" turns them off.
  await category.getByRole("link", { name: "tools (1)" }).click();
  await page.waitForURL((u) => u.searchParams.get("category") === "tools" && u.searchParams.get("facets") === "1");
  await sidebar(page).getByRole("link", { name: "Hide counts" }).click();
  await page.waitForURL((u) => !u.searchParams.has("facets"));
});

test("a contributor's counts count only their own items", async ({ page, browser }) => {
  const tag = uniqueTag("Theirs");
  await createItem(page, { name: `${tag} admin one` });
  await createItem(page, { name: `${tag} admin two` });
  const contributor = await (await browser.newContext({ storageState: ACCOUNTS.contributor.state })).newPage();
  await createItem(contributor, { name: `${tag} mine` });
  await contributor.goto(`/admin/items?q=${tag}&facets=1`);
  await expect(group(contributor, "By category").getByRole("link", { name: "All (1)" })).toBeVisible();
  await expect(group(contributor, "By category").getByRole("link", { name: "books (1)" })).toBeVisible();
  await page.goto(`/admin/items?q=${tag}&facets=1`);
  await expect(group(page, "By category").getByRole("link", { name: "books (3)" })).toBeVisible();
  await contributor.context().close();
});

test("a search with empty range fields leaves no empty parameters in the address", async ({ page }) => {
  await page.goto("/admin/items?category=books");
  await page.getByLabel("Search items").fill("lamp");
  await page.getByRole("button", { name: "Search" }).click();
  await page.waitForURL((u) => u.searchParams.get("q") === "lamp");
  expect(new URL(page.url()).search).toBe("?category=books&q=lamp");
  await page.getByLabel("Price from").fill("5");
  await page.getByRole("button", { name: "Filter by price" }).click();
  await page.waitForURL((u) => u.searchParams.has("price_min"));
  expect(new URL(page.url()).search).toBe("?q=lamp&category=books&price_min=5");
  // What a form sends without JavaScript: the server answers with the cleaned, relative address.
  const res = await page.request.get("/admin/items?q=&price_min=&price_max=&category=books&created_from=", { maxRedirects: 0 });
  expect(res.status()).toBe(307);
  expect(res.headers().location).toBe("/admin/items?category=books");
});

for (const scheme of ["light", "dark"] as const) {
  test(`sidebar beside the list at 1280, a closed disclosure at 390, no sideways scroll, axe clean (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/admin/items?category=books&facets=1");
    await expect(sidebar(page)).toBeVisible();
    const [bar, table] = await Promise.all([sidebar(page).boundingBox(), page.getByRole("table").boundingBox()]);
    expect(bar!.x + bar!.width).toBeLessThanOrEqual(table!.x);
    expect(await seriousViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/admin/items?category=books&q=zzznothing");
    await expect(sidebar(page)).toBeHidden();
    const summary = page.getByText("Filters (1 active)");
    await expect(summary).toBeVisible();
    expect(await pageScrollsSideways(page)).toBe(false);
    await summary.click();
    await expect(group(page, "By category").getByRole("link", { name: "books", exact: true })).toBeVisible();
    expect(await pageScrollsSideways(page)).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the links filter and the range form's empty fields are cleaned by the server", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/admin/items");
    await group(page, "By category").getByRole("link", { name: "tools", exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get("category") === "tools");
    for (const r of await readTable(page)) expect(r.Category).toBe("tools");
    await page.getByLabel("Price to").fill("400");
    await page.getByRole("button", { name: "Filter by price" }).click();
    await page.waitForURL((u) => u.searchParams.get("price_max") === "400");
    expect(new URL(page.url()).search).toBe("?category=tools&price_max=400");
    const total = queryDb<{ n: number }>("select count(*) as n from items where category = 'tools' and price_cents <= 40000")[0]!.n;
    expect(total).toBeGreaterThan(0);
  });
});
