import { expect, test, type Locator } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { cli, STRONG_PASSWORD, uniqueEmail } from "./support/cli";
import { execDb, queryDb } from "./support/db";
import { createItem, detail, uniqueTag } from "./support/items";
import { signIn } from "./support/session";

/**
 * The panel's words: empty lists that say why, counts in each resource's own
 * noun, permissions by human names, one rule for every time shown (the
 * viewer's zone, the UTC instant in `datetime`), and a CSV that writes what
 * the list shows.
 */

/** A fresh account holding a new role with `permissions`, signed in on `page`; returns its e-mail. */
async function signInWithRole(page: import("@playwright/test").Page, permissions: string[]): Promise<string> {
  const role = uniqueTag("role").toLowerCase();
  const email = uniqueEmail("words");
  cli(["roles", "create", role, ...permissions.flatMap((p) => ["--permission", p])]);
  cli(["users", "create", "--email", email, "--role", role], `${STRONG_PASSWORD}\n`);
  await signIn(page, email, STRONG_PASSWORD);
  await page.waitForURL((url) => url.pathname !== "/login");
  return email;
}

const userId = (email: string) => queryDb<{ id: string }>("select id from users where email = ?", email)[0]!.id;

function ownedItem(name: string, owner: string, inStock: boolean): number {
  execDb("insert into items (name, category, price_cents, in_stock, owner_id, created_at, updated_at) select ?, category, 1999, ?, ?, created_at, updated_at from items where id = 1", name, inStock ? 1 : 0, owner);
  return queryDb<{ id: number }>("select id from items where name = ?", name)[0]!.id;
}

test.describe("as admin", () => {
  test.use({ storageState: ACCOUNTS.admin.state });

  test("a search with no results says so, offers to clear it, and shows no pager", async ({ page }) => {
    const tag = uniqueTag("Nothing");
    await page.goto(`/admin/items?q=${tag}`);
    await expect(page.getByText(`No items match “${tag}”.`)).toBeVisible();
    await expect(page.getByRole("link", { name: "Clear search and filters" })).toHaveAttribute("href", "/admin/items");
    await expect(page.getByText(/Create the first/)).toHaveCount(0);
    await expect(page.getByText(/No rows on this page/)).toHaveCount(0);
    await expect(page.getByRole("navigation", { name: "Pagination" })).toHaveCount(0);
    await page.goto(`/admin/items?q=${tag}&category=books`);
    await expect(page.getByText(`No items match “${tag}” with these filters.`)).toBeVisible();
    await page.goto(`/admin/audit?q=${tag}`);
    await expect(page.getByText(`No audit entries match “${tag}”.`)).toBeVisible();
  });

  test("the role matrix and the role details name permissions as people do", async ({ page }) => {
    const editor = queryDb<{ id: number }>("select id from roles where name = 'editor'")[0]!.id;
    await page.goto(`/admin/roles/${editor}`);
    const permissions = detail(page, "Permissions");
    await expect(permissions).toHaveText("View items, Create items, Update items, Items: Change prices");
    await expect(permissions).not.toContainText("items:");
    const contributor = queryDb<{ id: number }>("select id from roles where name = 'contributor'")[0]!.id;
    await page.goto(`/admin/roles/${contributor}`);
    await expect(detail(page, "Permissions")).toContainText("View own items");

    await page.goto(`/admin/roles/${editor}/edit`);
    const matrix = page.getByRole("table");
    await expect(matrix.getByRole("columnheader")).toHaveText(["Resource", "View", "Create", "Update", "Delete", "Export"]);
    await expect(matrix.getByRole("rowheader", { name: "Items", exact: true })).toBeVisible();
    await expect(matrix.getByRole("rowheader", { name: "Audit log", exact: true })).toBeVisible();
    await expect(page.getByRole("checkbox", { name: "View users", exact: true })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Update items", exact: true })).toHaveValue("items:update");
  });

  test("the CSV writes Yes/No and the owner's e-mail, as the list shows them", async ({ page }) => {
    const tag = uniqueTag("CsvWords");
    const owner = uniqueEmail("csvowner");
    cli(["users", "create", "--email", owner, "--role", "end-user"], `${STRONG_PASSWORD}\n`);
    ownedItem(`${tag} a`, userId(owner), true);
    ownedItem(`${tag} b`, userId(owner), false);
    const res = await page.request.get(`/admin/items/export?q=${tag}&sort=name`);
    expect(res.status()).toBe(200);
    const [head, ...rows] = (await res.text()).split("\r\n").filter(Boolean).map((l) => l.split(","));
    const col = (label: string) => head!.indexOf(label);
    expect(rows.map((r) => [r[col("Name")], r[col("Price")], r[col("In stock")], r[col("Owner")]])).toEqual([
      [`${tag} a`, "19.99", "Yes", owner],
      [`${tag} b`, "19.99", "No", owner],
    ]);
  });
});

test("the index counts in the resource's own noun; a truly empty list invites creating the first one", async ({ page }) => {
  const email = await signInWithRole(page, ["items:view:own", "items:create:own"]);
  await page.goto("/admin/items");
  await expect(page.getByText("No items yet.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Create the first item" })).toHaveAttribute("href", "/admin/items/new");
  await expect(page.getByRole("navigation", { name: "Pagination" })).toHaveCount(0);
  await page.goto("/admin");
  await expect(page.getByTestId("row-count")).toHaveText("0 items");
  ownedItem(uniqueTag("One"), userId(email), true);
  await page.reload();
  await expect(page.getByTestId("row-count")).toHaveText("1 item");
});

test("a viewer who may not view users gets no e-mails in the CSV", async ({ page }) => {
  const tag = uniqueTag("CsvHidden");
  const owner = uniqueEmail("csvhidden");
  cli(["users", "create", "--email", owner, "--role", "end-user"], `${STRONG_PASSWORD}\n`);
  ownedItem(`${tag} a`, userId(owner), true);
  await signInWithRole(page, ["items:view", "items:export"]);
  const res = await page.request.get(`/admin/items/export?q=${tag}`);
  expect(res.status()).toBe(200);
  const text = await res.text();
  expect(text).toContain(`${tag} a`);
  expect(text).toContain(",Yes,");
  expect(text).not.toContain("@");
});

test.describe("in a browser in Tokyo", () => {
  test.use({ storageState: ACCOUNTS.admin.state, timezoneId: "Asia/Tokyo" });

  /** Tokyo is UTC+9 all year: the text a server following the one rule renders for an instant. */
  const tokyo = (iso: string) => {
    const shifted = new Date(Date.parse(iso) + 9 * 3_600_000).toISOString();
    return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)} GMT+9`;
  };

  async function expectRule(time: Locator): Promise<{ text: string; iso: string }> {
    const iso = (await time.getAttribute("datetime"))!;
    expect(iso).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    await expect(time).toHaveAttribute("title", iso);
    await expect(time).toHaveText(tokyo(iso));
    return { text: (await time.textContent())!, iso };
  }

  test("a list, a details page, its history and /account render times the same way, in the browser's zone", async ({ page }) => {
    const name = uniqueTag("Tokyo");
    // The first page sets the zone cookie; createItem passes through several.
    const id = await createItem(page, { name });
    expect((await page.context().cookies()).find((c) => c.name === "tz")?.value).toBe("Asia%2FTokyo");

    await page.goto(`/admin/items?q=${name}`);
    const listed = await expectRule(page.getByRole("table").locator("tbody time").first());
    await page.goto(`/admin/items/${id}`);
    const detailed = await expectRule(detail(page, "Created").locator("time"));
    expect(detailed).toEqual(listed);
    await expectRule(page.getByRole("region", { name: "History" }).locator("time").first());
    await page.goto("/account");
    await expectRule(page.locator("main time").first());
  });
});
