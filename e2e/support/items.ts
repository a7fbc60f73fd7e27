import { expect, type Page } from "@playwright/test";

let counter = 0;
/** A unique, search-friendly tag (letters and digits only) for rows that only one test touches. */
export function uniqueTag(prefix: string): string {
  counter += 1;
  return `${prefix}${process.pid}x${Date.now().toString(36)}x${counter}`;
}

export interface ItemInput {
  name: string;
  category?: string;
  price?: string;
  inStock?: boolean;
  description?: string;
}

/** Creates an item through the "New item" form, as an admin or editor would; returns its id. */
export async function createItem(page: Page, item: ItemInput): Promise<number> {
  await page.goto("/admin/items/new");
  await page.getByLabel("Name").fill(item.name);
  await page.getByLabel("Category").selectOption(item.category ?? "books");
  await page.getByLabel("Price").fill(item.price ?? "1.00");
  await page.getByLabel("In stock").setChecked(!!item.inStock);
  if (item.description) await page.getByLabel("Description").fill(item.description);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await page.waitForURL(/\/admin\/items\/\d+\?notice=created$/);
  await expect(page.getByRole("status")).toHaveText(`Item “${item.name}” created.`);
  return Number(new URL(page.url()).pathname.split("/").pop());
}

/** The list table's body rows as { column label: cell text }, as a user reads them (the list's table, not a panel's above it). */
export async function readTable(page: Page): Promise<Record<string, string>[]> {
  const table = page.locator("table.data-table");
  await expect(table).toBeVisible();
  return table.evaluate((el) => {
    const heads = [...el.querySelectorAll("thead th")].map((th) => {
      const link = th.querySelector("a");
      return ((link?.childNodes[0]?.textContent ?? th.textContent) || "").trim();
    });
    return [...el.querySelectorAll("tbody tr")].map((tr) => {
      const row: Record<string, string> = {};
      [...tr.querySelectorAll("td")].forEach((td, i) => {
        if (heads[i]) row[heads[i]!] = (td.textContent ?? "").trim();
      });
      return row;
    });
  });
}

/** "$1,234.50" → 123450 (cents). */
export function cents(text: string): number {
  const m = /^\$([\d,]+)\.(\d\d)$/.exec(text.trim());
  if (!m) throw new Error(`Not a price: ${text}`);
  return Number(m[1]!.replace(/,/g, "")) * 100 + Number(m[2]);
}

/** The value shown next to a label on a details page. */
export const detail = (page: Page, label: string) => page.locator("dl > div").filter({ has: page.locator("dt").getByText(label, { exact: true }) }).locator("dd");

/** Searches the items list through its search box. */
export async function searchFor(page: Page, q: string) {
  await page.getByLabel("Search items").fill(q);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get("q") === q);
}
