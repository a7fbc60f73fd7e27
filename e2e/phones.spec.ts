import { expect, test, type Browser, type Page } from "@playwright/test";
import { ACCOUNTS, type Account } from "./support/accounts";
import { queryDb } from "./support/db";
import { seriousViolations } from "./support/axe";

/** Phones: no page scrolls sideways at 320 px and up; lists scroll inside their own box. */

const PHONES = [
  { width: 390, height: 844 },
  { width: 320, height: 640 },
] as const;
const SCHEMES = ["light", "dark"] as const;
const LISTS = ["/admin/items", "/admin/users", "/admin/roles", "/admin/audit", "/admin/suppliers"];

const firstId = (table: string) => String(queryDb<{ id: string | number }>(`select id from ${table} order by id limit 1`)[0]!.id);
const contributorItem = () => queryDb<{ id: number }>("select i.id from items i join users u on u.id = i.owner_id where u.email = ? order by i.id limit 1", ACCOUNTS.contributor.email)[0]!.id;

const PAGES: [Account | "anonymous", string, () => string][] = [
  ...LISTS.map((path): [Account, string, () => string] => ["admin", `the list ${path}`, () => path]),
  ["contributor", "the items list with inline editors", () => "/admin/items"],
  ["admin", "an item's details", () => `/admin/items/${firstId("items")}`],
  ["admin", "a user's details with related items", () => `/admin/users/${queryDb<{ id: string }>("select id from users where email = ?", ACCOUNTS.contributor.email)[0]!.id}`],
  ["admin", "an item's edit form", () => `/admin/items/${firstId("items")}/edit`],
  ["contributor", "their own item's edit form", () => `/admin/items/${contributorItem()}/edit`],
  ["admin", "the new user form", () => "/admin/users/new"],
  ["admin", "a role's edit form (permission matrix)", () => `/admin/roles/${firstId("roles")}/edit`],
  ["admin", "the admin index", () => "/admin"],
  ["admin", "the home page", () => "/"],
  ["admin", "the account page", () => "/account"],
  ["admin", "a 404 page", () => "/admin/items/999999999"],
  ["anonymous", "the sign-in page", () => "/login"],
];

async function phonePage(browser: Browser, who: Account | "anonymous", viewport: { width: number; height: number }, colorScheme: "light" | "dark"): Promise<Page> {
  const context = await browser.newContext({
    storageState: who === "anonymous" ? { cookies: [], origins: [] } : ACCOUNTS[who].state,
    viewport,
    colorScheme,
    isMobile: true,
    hasTouch: true,
  });
  return context.newPage();
}

/** How far the page reaches past the screen's right edge (0 when it does not scroll sideways). */
const pageOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** The elements that reach past the screen, for a readable failure. */
const offenders = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      .slice(0, 8)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} right=${Math.round(el.getBoundingClientRect().right)}`),
  );

for (const viewport of PHONES) {
  for (const colorScheme of SCHEMES) {
    test.describe(`${viewport.width}×${viewport.height}, ${colorScheme}`, () => {
      for (const [who, what, path] of PAGES) {
        test(`${what}, as ${who}, does not scroll sideways`, async ({ browser }) => {
          const page = await phonePage(browser, who, viewport, colorScheme);
          const res = await page.goto(path());
          expect(res?.status()).toBe(what.startsWith("a 404") ? 404 : 200);
          await page.waitForLoadState("load");
          expect(await page.evaluate(() => window.innerWidth)).toBe(viewport.width);
          expect(await pageOverflow(page), (await offenders(page)).join("\n")).toBeLessThanOrEqual(0);
          await page.context().close();
        });
      }
    });
  }
}

test("a wide list scrolls inside its own box, and the screen-reader sort text lies inside that box", async ({ browser }) => {
  const page = await phonePage(browser, "admin", PHONES[1], "light");
  await page.goto("/admin/audit");
  const table = page.getByRole("table");
  const box = table.locator("xpath=..");
  // The table is wider than the phone, so its box scrolls, not the page.
  const widths = await box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, overflow: getComputedStyle(el).overflowX }));
  expect(widths.overflow).toBe("auto");
  expect(widths.scroll).toBeGreaterThan(widths.client);
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);

  const sortTexts = table.locator("thead .sr-only");
  expect(await sortTexts.count()).toBeGreaterThan(0);
  const frame = (await box.evaluate((el) => ({ left: el.getBoundingClientRect().left, top: el.getBoundingClientRect().top, scrollWidth: el.scrollWidth, scrollHeight: el.scrollHeight })))!;
  for (const text of await sortTexts.all()) {
    const b = (await text.boundingBox())!;
    expect(b.x).toBeGreaterThanOrEqual(frame.left);
    expect(b.x + b.width).toBeLessThanOrEqual(frame.left + frame.scrollWidth);
    expect(b.y).toBeGreaterThanOrEqual(frame.top);
    expect(b.y + b.height).toBeLessThanOrEqual(frame.top + frame.scrollHeight);
    // Its nearest positioned ancestor is inside the scroll box.
    expect(await text.evaluate((el, frameEl) => frameEl!.contains((el as HTMLElement).offsetParent), await box.elementHandle())).toBe(true);
  }
  await page.context().close();
});

/** Whether an element lies wholly inside the screen. */
const onScreen = (page: Page, name: string) =>
  page.getByRole("button", { name, exact: true }).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.left >= 0 && r.top >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight;
  });

for (const viewport of PHONES) {
  for (const colorScheme of SCHEMES) {
    test(`the inline editor's Save and Cancel open on-screen at ${viewport.width} px (${colorScheme})`, async ({ browser }) => {
      const page = await phonePage(browser, "admin", viewport, colorScheme);
      await page.goto("/admin/items?sort=name");
      for (const column of ["price", "in stock"]) {
        const edits = page.getByRole("button", { name: new RegExp(`^Edit ${column} of `) });
        const count = await edits.count();
        // The first row, a row at the bottom of the screen, and the last row.
        for (const [where, edit, block] of [["first", edits.first(), "center"], ["middle", edits.nth(Math.floor(count / 2)), "end"], ["last", edits.last(), "center"]] as const) {
          await edit.evaluate((el, b) => el.scrollIntoView({ block: b, inline: "nearest" }), block);
          await edit.click();
          const label = `${column}, ${where} row, ${viewport.width} px`;
          await expect(page.getByRole("button", { name: "Save", exact: true })).toBeVisible();
          expect(await onScreen(page, "Save"), `${label}: Save on-screen`).toBe(true);
          expect(await onScreen(page, "Cancel"), `${label}: Cancel on-screen`).toBe(true);
          await page.getByRole("button", { name: "Cancel", exact: true }).click();
          await expect(page.getByRole("button", { name: "Save", exact: true })).toHaveCount(0);
          expect(await pageOverflow(page), label).toBeLessThanOrEqual(0);
        }
      }
      await page.context().close();
    });
  }
}

for (const colorScheme of SCHEMES) {
  for (const [who, path] of [["anonymous", "/login"], ["admin", "/admin/items"], ["contributor", "/admin/items"]] as const) {
    test(`${path} as ${who} at 390 px (${colorScheme}) has no serious or critical axe violations`, async ({ browser }) => {
      const page = await phonePage(browser, who, PHONES[0], colorScheme);
      await page.goto(path);
      await page.waitForLoadState("load");
      const found = await seriousViolations(page);
      expect(found, found.join("\n")).toEqual([]);
      await page.context().close();
    });
  }
}
