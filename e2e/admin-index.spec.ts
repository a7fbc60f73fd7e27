import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { cli, STRONG_PASSWORD, uniqueEmail } from "./support/cli";
import { queryDb } from "./support/db";
import { createItem, uniqueTag } from "./support/items";
import { signIn } from "./support/session";

const TABLES: Record<string, string> = { Users: "users", Roles: "roles", Items: "items", "Audit log": "audit_log", Outbox: "mail_outbox", Suppliers: "suppliers" };

/** Each resource's own noun, singular and plural. */
const NOUNS: Record<string, [string, string]> = { Users: ["user", "users"], Roles: ["role", "roles"], Items: ["item", "items"], "Audit log": ["audit entry", "audit entries"], Outbox: ["mail", "mails"], Suppliers: ["supplier", "suppliers"] };

const countText = (label: string, n: number) => (n > 10_000 ? `10,000+ ${NOUNS[label]![1]}` : `${n.toLocaleString("en-US")} ${NOUNS[label]![n === 1 ? 0 : 1]}`);

/** The resource cards of /admin as { label: { count text, link targets } }. */
async function readIndex(page: Page) {
  const cards = page.getByRole("list", { name: "Resources" }).getByRole("listitem");
  const out: Record<string, { count: string; links: Record<string, string> }> = {};
  for (const card of await cards.all()) {
    const label = (await card.getByRole("heading").textContent())!.trim();
    const links: Record<string, string> = {};
    for (const link of await card.getByRole("link").all()) links[(await link.textContent())!.trim()] = (await link.getAttribute("href"))!;
    out[label] = { count: (await card.getByTestId("row-count").textContent())!.trim(), links };
  }
  return out;
}

/** A fresh account holding a new role with `permissions`, signed in on `page`. */
async function signInWithRole(page: Page, permissions: string[]): Promise<string> {
  const role = uniqueTag("role").toLowerCase();
  const email = uniqueEmail("index");
  cli(["roles", "create", role, ...permissions.flatMap((p) => ["--permission", p])]);
  cli(["users", "create", "--email", email, "--role", role], `${STRONG_PASSWORD}\n`);
  await signIn(page, email, STRONG_PASSWORD);
  await page.waitForURL("/admin");
  return email;
}

test.describe("as admin", () => {
  test.use({ storageState: ACCOUNTS.admin.state });

  test("the index shows every resource with its row count, its list and New where it can be created", async ({ page }) => {
    // Other tests write concurrently: compare when the tables held still while the page was read.
    const counts = () => Object.fromEntries(Object.entries(TABLES).map(([label, table]) => [label, countText(label, queryDb<{ n: number }>(`select count(*) as n from ${table}`)[0]!.n)]));
    await expect(async () => {
      const before = counts();
      await page.goto("/admin");
      const shown = await readIndex(page);
      expect(counts()).toEqual(before);
      expect(Object.fromEntries(Object.entries(shown).map(([label, card]) => [label, card.count]))).toEqual(before);
    }).toPass({ timeout: 30_000 });
    const shown = await readIndex(page);
    expect(shown.Users!.links).toEqual({ Users: "/admin/users", "New user": "/admin/users/new" });
    expect(shown.Roles!.links).toEqual({ Roles: "/admin/roles", "New role": "/admin/roles/new" });
    expect(shown.Items!.links).toEqual({ Items: "/admin/items", "New item": "/admin/items/new" });
    expect(shown.Suppliers!.links).toEqual({ Suppliers: "/admin/suppliers", "New supplier": "/admin/suppliers/new" });
    // The audit log is read-only, for admins too.
    expect(shown["Audit log"]!.links).toEqual({ "Audit log": "/admin/audit" });
    expect(shown.Outbox!.links).toEqual({ Outbox: "/admin/outbox" });
    await page.getByRole("list", { name: "Resources" }).getByRole("link", { name: "Items", exact: true }).click();
    await expect(page).toHaveURL("/admin/items");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Items");
  });

  test("a reader of the audit log also sees everyone's recent actions, newest first", async ({ page }) => {
    await page.goto("/admin");
    const everyone = page.getByRole("region", { name: "Recent actions by everyone" });
    await expect(everyone).toBeVisible();
    await expect(page.getByRole("region", { name: "Recent actions", exact: true })).toBeVisible();
    // Changes of records only: sign-ins are shown on /account.
    const newest = () => queryDb<{ id: number }>("select id from audit_log where resource is not null and (action in ('create', 'update', 'delete', 'role-change') or action like 'bulk:%') order by at desc, id desc limit 10").map((r) => r.id);
    const shownIds = async () => (await everyone.getByRole("link").evaluateAll((as) => as.map((a) => a.getAttribute("href")))).filter((h) => /^\/admin\/audit\/\d+$/.test(h ?? "")).map((h) => Number(h!.split("/").pop()));
    // Others write to the log meanwhile: compare when it held still while the page was read.
    await expect(async () => {
      const before = newest();
      await page.goto("/admin");
      const shown = await shownIds();
      expect(newest()).toEqual(before);
      expect(shown).toEqual(before);
    }).toPass({ timeout: 30_000 });
  });
});

test.describe("as editor", () => {
  test.use({ storageState: ACCOUNTS.editor.state });

  test("the index shows only what the editor may view, and no one else's actions", async ({ page }) => {
    await page.goto("/admin");
    const shown = await readIndex(page);
    expect(Object.keys(shown)).toEqual(["Items"]);
    expect(shown.Items!.links).toEqual({ Items: "/admin/items", "New item": "/admin/items/new" });
    await expect(page.getByRole("region", { name: "Recent actions", exact: true })).toBeVisible();
    await expect(page.getByRole("region", { name: "Recent actions by everyone" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: /^(Users|Roles|Audit log)$/ })).toHaveCount(0);
  });
});

test.describe("a user of a custom role", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("sees New only where they may create", async ({ page }) => {
    await signInWithRole(page, ["users:view", "items:view", "items:create"]);
    await page.goto("/admin");
    const shown = await readIndex(page);
    expect(Object.keys(shown)).toEqual(["Users", "Items"]);
    expect(shown.Users!.links).toEqual({ Users: "/admin/users" });
    expect(shown.Items!.links).toEqual({ Items: "/admin/items", "New item": "/admin/items/new" });
  });

  test("their recent actions link to the records they changed, and show a deleted one's last name without a link", async ({ page }) => {
    const email = await signInWithRole(page, ["items:view", "items:create", "items:delete"]);
    const kept = uniqueTag("Kept");
    const gone = uniqueTag("Gone");
    const keptId = await createItem(page, { name: kept });
    const goneId = await createItem(page, { name: gone });
    await page.getByRole("link", { name: "Delete", exact: true }).click();
    await page.getByRole("button", { name: "Yes, delete" }).click();
    await page.waitForURL(/\/admin\/items\?/);
    expect(queryDb("select id from items where id = ?", goneId)).toEqual([]);

    await page.goto("/admin");
    const mine = page.getByRole("region", { name: "Recent actions", exact: true });
    const entries = mine.getByRole("listitem");
    // Signing in is logged too, but it is no change of a record: it is listed on /account.
    await expect(entries).toHaveCount(3);
    await expect(entries.nth(0)).toContainText(`Deleted item “${gone}”.`);
    await expect(entries.nth(0).getByRole("link")).toHaveCount(0);
    await expect(entries.nth(1)).toContainText(`Created item “${gone}”.`);
    await expect(entries.nth(1).getByRole("link")).toHaveCount(0);
    await expect(entries.nth(2)).toContainText(`Created item “${kept}”.`);
    await expect(entries.nth(2).getByRole("link", { name: kept })).toHaveAttribute("href", `/admin/items/${keptId}`);
    expect(queryDb<{ n: number }>("select count(*) as n from audit_log where actor_email = ?", email)[0]!.n).toBe(4);
    await expect(page.getByRole("region", { name: "Recent actions by everyone" })).toHaveCount(0);

    await entries.nth(2).getByRole("link", { name: kept }).click();
    await expect(page).toHaveURL(`/admin/items/${keptId}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(kept);
  });
});
