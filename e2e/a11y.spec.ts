import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, type Account } from "./support/accounts";
import { cli, STRONG_PASSWORD, uniqueEmail } from "./support/cli";
import { queryDb } from "./support/db";
import { signIn } from "./support/session";
import { seriousViolations } from "./support/axe";

async function expectAccessible(page: Page, path: string, status = 200) {
  const res = await page.goto(path);
  expect(res?.status(), path).toBe(status);
  await page.waitForLoadState("load");
  const found = await seriousViolations(page);
  expect(found, `${path}:\n${found.join("\n")}`).toEqual([]);
}

const PAGES: [Account | "anonymous", string, number][] = [
  ["anonymous", "/login", 200],
  ["admin", "/", 200],
  ["admin", "/admin", 200],
  ["admin", "/admin/items", 200],
  ["admin", "/admin/items?category=books&price_min=10", 200],
  ["admin", "/admin/items/1", 200],
  ["admin", "/admin/items/1/edit", 200],
  ["admin", "/admin/items/new", 200],
  ["admin", "/admin/users", 200],
  ["admin", "/admin/users/new", 200],
  ["admin", "/admin/roles/1/edit", 200],
  ["admin", "/admin/nope", 404],
  ["admin", "/admin/items/999999999", 404],
  ["endUser", "/admin", 200],
  ["endUser", "/admin/users", 403],
];

for (const [who, path, status] of PAGES) {
  test.describe(`${who}`, () => {
    test.use({ storageState: who === "anonymous" ? { cookies: [], origins: [] } : ACCOUNTS[who].state });
    test(`${path} has no serious or critical axe violations`, async ({ page }) => {
      await expectAccessible(page, path, status);
      if (path.includes("category=")) await expect(page.getByRole("navigation", { name: "Filters" }).getByRole("link", { name: "books", exact: true })).toHaveAttribute("aria-current", "true");
    });
  });
}

test("the 403 page a page renders (view-only user on a create form) has no serious violations", async ({ page }) => {
  const role = `viewonly-${process.pid}-${Date.now().toString(36)}`;
  const email = uniqueEmail("viewonly");
  cli(["roles", "create", role, "--permission", "items:view"]);
  cli(["users", "create", "--email", email, "--role", role], `${STRONG_PASSWORD}\n`);
  await signIn(page, email, STRONG_PASSWORD);
  await page.waitForURL("/admin");
  await expectAccessible(page, "/admin/items/new", 403);
  await expect(page.getByRole("heading", { name: /Forbidden/ })).toBeVisible();
});

test.describe("forms showing errors", () => {
  test.use({ storageState: ACCOUNTS.admin.state });

  test("the item form with field errors has no serious violations", async ({ page }) => {
    await page.goto("/admin/items/new");
    await page.getByLabel("Price").fill("abc");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.locator("#name-error")).toBeVisible();
    const found = await seriousViolations(page);
    expect(found, found.join("\n")).toEqual([]);
  });

  test("the sign-in form after a failed attempt has no serious violations", async ({ browser }) => {
    const page = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
    await signIn(page, "nobody@example.com", "wrong-password-1");
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toBeVisible();
    const found = await seriousViolations(page);
    expect(found, found.join("\n")).toEqual([]);
  });
});

/** The pages that show the index's counts and recent actions, related records, the own/all matrix and a contributor's list: light and dark. */
const userId = (email: string) => queryDb<{ id: string }>("select id from users where email = ?", email)[0]!.id;
const roleId = (name: string) => queryDb<{ id: number }>("select id from roles where name = ?", name)[0]!.id;
const SCHEMED: [Account, string, () => string][] = [
  ["admin", "the index", () => "/admin"],
  ["contributor", "the index", () => "/admin"],
  ["admin", "a user with related items", () => `/admin/users/${userId(ACCOUNTS.contributor.email)}`],
  ["admin", "a role with related users", () => `/admin/roles/${roleId("contributor")}`],
  ["admin", "the none/own/all matrix", () => `/admin/roles/${roleId("contributor")}/edit`],
  ["contributor", "their items with inline editors", () => "/admin/items"],
  ["contributor", "an edit form with a read-only price", () => `/admin/items/${queryDb<{ id: number }>("select id from items where owner_id = ? order by id limit 1", userId(ACCOUNTS.contributor.email))[0]!.id}/edit`],
];

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} mode`, () => {
    test.use({ colorScheme });
    for (const [who, what, path] of SCHEMED) {
      test(`${what}, as ${who}, has no serious or critical axe violations`, async ({ browser }) => {
        const page = await (await browser.newContext({ storageState: ACCOUNTS[who].state, colorScheme })).newPage();
        expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(colorScheme === "dark");
        await expectAccessible(page, path());
        await page.context().close();
      });
    }
  });
}
