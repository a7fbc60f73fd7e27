import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { queryDb } from "./support/db";

/**
 * Right-to-left ready: the layout is written in logical properties (start/end,
 * inline/block), so a right-to-left language needs no second stylesheet. No
 * such language is served yet, so each page is turned right-to-left in the
 * browser once loaded (`<html dir="rtl">`, what its locale would set), which
 * is exactly what a right-to-left locale would change.
 */

const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 800, isMobile: false },
  { name: "phone", width: 320, height: 640, isMobile: true },
] as const;

const firstItem = () => String(queryDb<{ id: number }>("select id from items order by id limit 1")[0]!.id);

const PAGES: [string, () => string][] = [
  ["the items list", () => "/admin/items"],
  ["an item's edit form", () => `/admin/items/${firstItem()}/edit`],
];

async function rightToLeft(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => {
    document.documentElement.dir = "rtl";
  });
  expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe("rtl");
}

/**
 * The visible elements that reach past either edge of the screen. An element
 * counts as far as it is visible: a box that clips or scrolls its content (a
 * wide table's scroll box, a truncated cell) cuts it to that box, and what is
 * scrolled wholly out of its box is not on screen at all. Screen-reader-only
 * text (1 px) does not count.
 */
const offenders = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    for (const el of document.body.querySelectorAll("*")) {
      const style = getComputedStyle(el);
      if (style.display === "none" || style.visibility === "hidden") continue;
      const box = el.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      let [left, right] = [box.left, box.right];
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        if (getComputedStyle(up).overflowX === "visible") continue;
        const clip = up.getBoundingClientRect();
        left = Math.max(left, clip.left + up.clientLeft);
        right = Math.min(right, clip.left + up.clientLeft + up.clientWidth);
      }
      if (right - left <= 0) continue;
      if (left < -0.5 || right > width + 0.5) found.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${[...el.classList].join(".")} ${Math.round(left)}…${Math.round(right)} of ${width}`);
    }
    return found;
  });

for (const viewport of VIEWPORTS) {
  test.describe(`right to left, ${viewport.name} (${viewport.width} px)`, () => {
    test.use({ storageState: ACCOUNTS.admin.state, viewport: { width: viewport.width, height: viewport.height }, isMobile: viewport.isMobile, hasTouch: viewport.isMobile });

    for (const [what, path] of PAGES) {
      test(`${what} fits the screen`, async ({ page }) => {
        const res = await page.goto(path());
        expect(res?.status()).toBe(200);
        await rightToLeft(page);
        const scroll = await page.evaluate(() => ({ width: document.scrollingElement!.scrollWidth, client: document.scrollingElement!.clientWidth }));
        const found = await offenders(page);
        expect(scroll.width, found.join("\n")).toBeLessThanOrEqual(scroll.client);
        expect(found).toEqual([]);
      });
    }

    test("the list's first column is on the right", async ({ page }) => {
      await page.goto("/admin/items");
      await rightToLeft(page);
      const heads = page.getByRole("table").locator("thead th");
      const [first, second, last] = await Promise.all([heads.first().boundingBox(), heads.nth(1).boundingBox(), heads.last().boundingBox()]);
      const { table, screen } = await page.evaluate(() => {
        const box = document.querySelector("table")!.parentElement!.getBoundingClientRect();
        return { table: { left: box.left, right: box.right }, screen: document.documentElement.clientWidth };
      });
      // The first column starts at the right edge of the table's box, the others follow leftwards.
      expect(Math.abs(first!.x + first!.width - table.right)).toBeLessThanOrEqual(1);
      expect(second!.x + second!.width).toBeLessThanOrEqual(first!.x + 0.5);
      expect(last!.x).toBeLessThan(first!.x);
      expect(first!.x + first!.width).toBeGreaterThan(screen / 2);
      // Header cells are aligned to their start edge: the right, in a right-to-left page.
      expect(await heads.nth(1).evaluate((th) => getComputedStyle(th).textAlign)).toBe("start");
    });
  });
}
