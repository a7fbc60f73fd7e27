import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { cli, STRONG_PASSWORD, uniqueEmail } from "./support/cli";
import { execDb, queryDb } from "./support/db";
import { createItem, uniqueTag } from "./support/items";
import { signIn } from "./support/session";
import { seriousViolations } from "./support/axe";

/** History, audit entries and recent actions read as sentences, with names only where the reader may see them. */

async function expectAccessibleBothSchemes(page: Page, path: string) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    expect((await page.goto(path))?.status(), path).toBe(200);
    await page.waitForLoadState("load");
    const found = await seriousViolations(page);
    expect(found, `${path} (${colorScheme}):\n${found.join("\n")}`).toEqual([]);
  }
}

async function signInWithRole(page: Page, permissions: string[]): Promise<string> {
  const role = uniqueTag("role").toLowerCase();
  const email = uniqueEmail("history");
  cli(["roles", "create", role, ...permissions.flatMap((p) => ["--permission", p])]);
  cli(["users", "create", "--email", email, "--role", role], `${STRONG_PASSWORD}\n`);
  await signIn(page, email, STRONG_PASSWORD);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return email;
}

const entriesOf = (id: number) => queryDb<{ id: number; action: string }>("select id, action from audit_log where resource = 'items' and record_id = ? order by id", String(id));

test.describe("as admin", () => {
  test.use({ storageState: ACCOUNTS.admin.state });

  test("a price and name change reads as a sentence; saving unchanged writes nothing; the entry's page says what happened", async ({ page }) => {
    const name = uniqueTag("Hammer");
    const renamed = `${name} big`;
    const id = await createItem(page, { name, price: "19.99" });
    await page.goto(`/admin/items/${id}/edit`);
    await page.getByLabel("Price").fill("24.50");
    await page.getByLabel("Name").fill(renamed);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page).toHaveURL(`/admin/items/${id}?notice=updated`);

    const history = page.getByRole("region", { name: "History" });
    await expect(history.getByRole("listitem")).toHaveCount(2);
    await expect(history.getByRole("listitem").nth(0).getByRole("link")).toHaveText("Changed price from $19.99 to $24.50 and name.");
    await expect(history.getByRole("listitem").nth(1).getByRole("link")).toHaveText(`Created item “${renamed}”.`);

    // Saved as read: no new entry.
    await page.goto(`/admin/items/${id}/edit`);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page).toHaveURL(`/admin/items/${id}?notice=updated`);
    expect(entriesOf(id).map((e) => e.action)).toEqual(["create", "update"]);
    await expect(page.getByRole("region", { name: "History" }).getByRole("listitem")).toHaveCount(2);

    const updateId = entriesOf(id)[1]!.id;
    await page.goto(`/admin/audit/${updateId}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${ACCOUNTS.admin.email} changed item “${renamed}”`);
    const what = page.getByRole("region", { name: "What happened" });
    await expect(what).toContainText("Changed price from $19.99 to $24.50 and name.");
    await expect(what.getByRole("row", { name: /Price/ })).toHaveText(/Price\s*\$19\.99\s*\$24\.50/);
    await expect(page.getByText("1999")).toHaveCount(0);

    // Recent actions: the change, said, and no sign-ins.
    await page.goto("/admin");
    const mine = page.getByRole("region", { name: "Recent actions", exact: true });
    const entry = mine.getByRole("listitem").filter({ hasText: renamed }).first();
    await expect(entry).toContainText(`Changed item “${renamed}”.`);
    await expect(entry).toContainText("Changed price from $19.99 to $24.50 and name.");
    await expect(entry.getByRole("link", { name: renamed })).toHaveAttribute("href", `/admin/items/${id}`);
    await expect(page.getByRole("region", { name: /^Recent actions/ }).getByText(/sign(ed)? in/i)).toHaveCount(0);
    await expectAccessibleBothSchemes(page, `/admin/audit/${updateId}`);
  });

  test("at 1280×900 the audit list's From column is not cut off", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/admin/audit");
    const table = page.getByRole("table");
    await expect(table).toBeVisible();
    const headers = await table.locator("thead th").allTextContents();
    const col = headers.findIndex((h) => h.trim().startsWith("From"));
    expect(col).toBeGreaterThan(-1);
    const cut = await table.locator(`tbody tr td:nth-child(${col + 1})`).evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth).length);
    expect(cut).toBe(0);
    const fits = await table.evaluate((t) => t.getBoundingClientRect().right <= t.parentElement!.getBoundingClientRect().right + 1);
    expect(fits).toBe(true);
  });
});

test.describe("a reader of the audit log who may not view users", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("sees a change of owner without the owner's e-mail or id, and old no-op pairs left out", async ({ page, browser }) => {
    const admin = queryDb<{ id: string }>("select id from users where email = ?", ACCOUNTS.admin.email)[0]!.id;
    const itemId = queryDb<{ id: number }>("select id from items order by id limit 1")[0]!.id;
    const changes = JSON.stringify({ owner: { before: null, after: admin }, category: { before: "garden", after: "garden" }, price: { before: 100, after: 250 } });
    execDb("insert into audit_log (actor_email, action, resource, record_id, changes) values (?, 'update', 'items', ?, ?)", "cli:history-test", String(itemId), changes);
    const entryId = queryDb<{ id: number }>("select max(id) as id from audit_log where actor_email = 'cli:history-test'")[0]!.id;

    await signInWithRole(page, ["items:view", "audit:view"]);
    await page.goto(`/admin/items/${itemId}`);
    const said = page.getByRole("region", { name: "History" }).getByRole("link", { name: /owner/ }).first();
    await expect(said).toHaveText("Changed price from $1.00 to $2.50 and owner from empty to another user.");
    for (const path of [`/admin/items/${itemId}`, `/admin/audit/${entryId}`]) {
      await page.goto(path);
      await expect(page.locator("main")).not.toContainText(ACCOUNTS.admin.email);
      await expect(page.locator("main")).not.toContainText(admin);
    }
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^cli:history-test changed item “.+”$/);

    const asAdmin = await (await browser.newContext({ storageState: ACCOUNTS.admin.state })).newPage();
    await asAdmin.goto(`/admin/audit/${entryId}`);
    await expect(asAdmin.getByRole("region", { name: "What happened" })).toContainText(`Changed price from $1.00 to $2.50 and owner from empty to ${ACCOUNTS.admin.email}.`);
    await asAdmin.context().close();
  });
});

test.describe("recent actions and sign-ins", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a deleted item keeps its name without a link; sign-ins are on /account, not in recent actions", async ({ page }) => {
    const email = await signInWithRole(page, ["items:view", "items:create", "items:delete"]);
    const gone = uniqueTag("Gone");
    await createItem(page, { name: gone });
    await page.getByRole("link", { name: "Delete", exact: true }).click();
    await page.getByRole("button", { name: "Yes, delete" }).click();
    await page.waitForURL(/\/admin\/items\?/);

    await page.goto("/admin");
    const entries = page.getByRole("region", { name: "Recent actions", exact: true }).getByRole("listitem");
    await expect(entries).toHaveCount(2);
    await expect(entries.nth(0)).toContainText(`Deleted item “${gone}”.`);
    await expect(entries.nth(0).getByRole("link")).toHaveCount(0);
    await expect(entries.nth(1)).toContainText(`Created item “${gone}”.`);
    await expect(page.getByText(/sign(ed)?[- ]in/i)).toHaveCount(0);

    await page.goto("/account");
    const signIns = page.getByRole("region", { name: "Recent sign-ins" });
    const userId = queryDb<{ id: string }>("select id from users where email = ?", email)[0]!.id;
    const address = queryDb<{ address: string }>("select address from audit_log where actor_id = ? and action = 'sign-in'", userId)[0]!.address;
    await expect(signIns.getByRole("listitem")).toHaveCount(1);
    await expect(signIns.getByRole("listitem")).toContainText(`from ${address}`);
    await expectAccessibleBothSchemes(page, "/account");
  });
});
