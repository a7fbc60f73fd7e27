import { expect, request as playwrightRequest, test, type APIRequestContext, type Browser } from "@playwright/test";
import { ACCOUNTS, type Account } from "./support/accounts";
import { captureAction, replayAction, type CapturedAction } from "./support/actions";
import { cli, STRONG_PASSWORD, uniqueEmail } from "./support/cli";
import { queryDb } from "./support/db";
import { createItem, uniqueTag } from "./support/items";

const itemsNamed = (name: string) => queryDb<{ id: number }>("select id from items where name = ?", name);
const itemExists = (id: number) => queryDb("select id from items where id = ?", id).length === 1;

/** Request contexts (with cookies) for each account, plus an anonymous one. */
async function clients(browser: Browser, baseURL: string) {
  const as = async (who: Account) => (await browser.newContext({ storageState: ACCOUNTS[who].state })).request;
  return {
    admin: await as("admin"),
    editor: await as("editor"),
    endUser: await as("endUser"),
    anonymous: await playwrightRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] } }),
  };
}

/** Replays `action` as each of `who`, also posting it to a page they may open, then runs `unchanged`. */
async function refusedFor(who: [string, APIRequestContext, string][], action: CapturedAction, change: Parameters<typeof replayAction>[2], unchanged: () => void) {
  for (const [label, req, alsoAt] of who) {
    for (const url of [action.url, new URL(alsoAt, action.url).href]) {
      const res = await replayAction(req, action, { ...change, url });
      expect(res.status(), `${label} at ${url}`).not.toBe(500);
      unchanged();
    }
  }
}

test.describe("pages and routes", () => {
  test("editor: no Delete button, no bulk delete, export and users are 403", async ({ browser }) => {
    const page = await (await browser.newContext({ storageState: ACCOUNTS.editor.state })).newPage();
    expect((await page.goto("/admin/items/1"))?.status()).toBe(200);
    await expect(page.getByRole("link", { name: "Edit" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Delete", exact: true })).toHaveCount(0);
    await page.goto("/admin/items");
    // Update permission brings the bulk "Set field…" action, but no bulk delete.
    await expect(page.getByLabel("With selected").locator("option")).toHaveText(["Choose an action…", "Set field…"]);
    await expect(page.getByRole("link", { name: "Export CSV" })).toHaveCount(0);
    expect((await page.request.get("/admin/items/export")).status()).toBe(403);
    expect((await page.request.get("/admin/items/export?q=a")).status()).toBe(403);
    expect((await page.request.get("/admin/users/new")).status()).toBe(403);
    expect((await page.request.get("/admin/users/lookup?field=email")).status()).toBe(403);
    expect((await page.goto("/admin/users/new"))?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: /Forbidden/ })).toBeVisible();
    await page.context().close();
  });

  test("end-user: items pages, export and lookup are 403", async ({ browser }) => {
    const context = await browser.newContext({ storageState: ACCOUNTS.endUser.state });
    for (const path of ["/admin/items", "/admin/items/new", "/admin/items/1", "/admin/items/export", "/admin/items/lookup?field=owner&q=a"]) {
      const res = await context.request.get(path);
      expect(res.status(), path).toBe(403);
      expect(await res.text(), path).not.toContain("admin@example.com");
    }
    await context.close();
  });
});

test.describe("server actions replayed without the permission change nothing", () => {
  test.use({ storageState: ACCOUNTS.admin.state });

  test("create item: end-user and anonymous are refused; the same request works for admin", async ({ page, browser, baseURL }) => {
    const tag = uniqueTag("ForgedCreate");
    const c = await clients(browser, baseURL!);
    await page.goto("/admin/items/new");
    await page.getByLabel("Name").fill(tag);
    await page.getByLabel("Category").selectOption("books");
    await page.getByLabel("Price").fill("9.99");
    const action = await captureAction(page, page.getByRole("button", { name: "Save", exact: true }));
    expect(itemsNamed(tag)).toEqual([]);

    await refusedFor([["end-user", c.endUser, "/"], ["anonymous", c.anonymous, "/login"]], action, { form: { name: `${tag} forged` } }, () => expect(itemsNamed(`${tag} forged`)).toEqual([]));
    await replayAction(c.admin, action, { form: { name: `${tag} admin` } });
    expect(itemsNamed(`${tag} admin`)).toHaveLength(1);
  });

  test("an admin's own action from a foreign or missing Origin is refused", async ({ page, browser, baseURL }) => {
    const tag = uniqueTag("ForeignOrigin");
    const c = await clients(browser, baseURL!);
    await page.goto("/admin/items/new");
    await page.getByLabel("Name").fill(tag);
    await page.getByLabel("Category").selectOption("books");
    await page.getByLabel("Price").fill("1.00");
    const action = await captureAction(page, page.getByRole("button", { name: "Save", exact: true }));
    for (const origin of ["https://evil.example", "null", null]) {
      const res = await replayAction(c.admin, action, { form: { name: `${tag} ${origin}` }, origin });
      expect(res.status(), `Origin: ${origin}`).toBe(403);
      expect(itemsNamed(`${tag} ${origin}`)).toEqual([]);
    }
    await replayAction(c.admin, action, { form: { name: `${tag} same-site` } });
    expect(itemsNamed(`${tag} same-site`)).toHaveLength(1);
  });

  test("delete item: editor is refused; admin is not", async ({ page, browser, baseURL }) => {
    const tag = uniqueTag("ForgedDelete");
    const c = await clients(browser, baseURL!);
    const decoy = await createItem(page, { name: `${tag} decoy` });
    const target = await createItem(page, { name: `${tag} target` });
    await page.goto(`/admin/items/${decoy}`);
    await page.getByRole("link", { name: "Delete", exact: true }).click();
    const action = await captureAction(page, page.getByRole("button", { name: "Yes, delete" }));
    expect(itemExists(decoy)).toBe(true);

    const args = ["items", String(target), { ok: true }, "$K1"];
    await refusedFor([["editor", c.editor, "/admin/items"], ["end-user", c.endUser, "/"], ["anonymous", c.anonymous, "/login"]], action, { args }, () => expect(itemExists(target)).toBe(true));
    await replayAction(c.admin, action, { args });
    expect(itemExists(target)).toBe(false);
    expect(itemExists(decoy)).toBe(true);
  });

  test("bulk delete: editor is refused; admin is not", async ({ page, browser, baseURL }) => {
    const tag = uniqueTag("ForgedBulk");
    const c = await clients(browser, baseURL!);
    const ids = [await createItem(page, { name: `${tag} a` }), await createItem(page, { name: `${tag} b` })];
    await page.goto(`/admin/items?q=${tag}`);
    await page.getByRole("checkbox", { name: `Select ${tag} a` }).check();
    await page.getByLabel("With selected").selectOption({ label: "Delete" });
    const action = await captureAction(page, page.getByRole("button", { name: "Apply" }));

    const form = { action: "delete", confirmed: "yes", ids: ids.map(String) };
    await refusedFor([["editor", c.editor, "/admin/items/1"], ["anonymous", c.anonymous, "/login"]], action, { form }, () => expect(ids.map(itemExists)).toEqual([true, true]));
    const res = await replayAction(c.editor, action, { form, url: `${baseURL}/admin/items` });
    expect(await res.text()).toContain("You do not have permission to do that.");
    await replayAction(c.admin, action, { form });
    expect(ids.map(itemExists)).toEqual([false, false]);
  });

  test("create user: editor is refused; admin is not", async ({ page, browser, baseURL }) => {
    const c = await clients(browser, baseURL!);
    await page.goto("/admin/users/new");
    await page.getByLabel("Email").fill(uniqueEmail("captured"));
    await page.getByLabel("Active").check();
    await page.getByRole("group", { name: "Roles" }).getByRole("checkbox", { name: "admin", exact: true }).check();
    await page.getByLabel("Password").fill(STRONG_PASSWORD);
    const action = await captureAction(page, page.getByRole("button", { name: "Save", exact: true }));

    const forged = uniqueEmail("forged");
    const noUser = () => expect(queryDb("select id from users where email = ?", forged)).toEqual([]);
    // The forged user would be an admin: the worst case.
    await refusedFor([["editor", c.editor, "/admin/items"], ["end-user", c.endUser, "/"], ["anonymous", c.anonymous, "/login"]], action, { form: { email: forged } }, noUser);
    // Control (without the admin role, so no test ever sees a second admin).
    const control = uniqueEmail("control");
    await replayAction(c.admin, action, { form: { email: control, roles: [] } });
    expect(queryDb("select active from users where email = ?", control)).toEqual([{ active: 1 }]);
    expect(queryDb("select role_id from user_roles ur join users u on u.id = ur.user_id where u.email = ?", control)).toEqual([]);
  });

  test("update role: editor is refused; admin is not", async ({ page, browser, baseURL }) => {
    const c = await clients(browser, baseURL!);
    const role = `forged-${process.pid}-${Date.now().toString(36)}`;
    cli(["roles", "create", role, "--permission", "items:view"]);
    const stored = () => queryDb<{ name: string; permissions: string }>("select name, permissions from roles where name = ?", role)[0]?.permissions;
    const { id } = queryDb<{ id: number }>("select id from roles where name = ?", role)[0]!;
    await page.goto(`/admin/roles/${id}/edit`);
    const action = await captureAction(page, page.getByRole("button", { name: "Save", exact: true }));

    const form = { name: role, permissions: ["users:view", "users:update", "roles:update"] };
    await refusedFor([["editor", c.editor, "/admin/items"], ["end-user", c.endUser, "/"], ["anonymous", c.anonymous, "/login"]], action, { form }, () => expect(stored()).toBe('["items:view"]'));
    await replayAction(c.admin, action, { form });
    expect(stored()).toBe('["roles:update","users:update","users:view"]');
  });
});

test.describe("extra form fields", () => {
  test.use({ storageState: ACCOUNTS.admin.state });

  test("fields the form does not have are ignored on save", async ({ page }) => {
    const tag = uniqueTag("Extra");
    const id = await createItem(page, { name: tag, price: "2.00" });
    const before = queryDb<{ created_at: number }>("select created_at from items where id = ?", id)[0]!;
    const first = queryDb<{ id: number; name: string }>("select id, name from items order by id limit 1")[0]!;
    await page.goto(`/admin/items/${id}/edit`);
    await page.getByLabel("Name").fill(`${tag} edited`);
    await page.locator("form").filter({ has: page.getByLabel("Name") }).evaluate((form, firstId) => {
      const extra: Record<string, string> = { id: String(firstId), createdAt: "2000-01-01T00:00", created_at: "946684800000", priceCents: "999999", price_cents: "999999", updatedAt: "2000-01-01T00:00" };
      for (const [name, value] of Object.entries(extra)) {
        const input = document.createElement("input");
        Object.assign(input, { type: "hidden", name, value });
        form.appendChild(input);
      }
    }, first.id);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page).toHaveURL(`/admin/items/${id}?notice=updated`);
    expect(queryDb("select id, name, price_cents, created_at from items where id = ?", id)).toEqual([{ id, name: `${tag} edited`, price_cents: 200, created_at: before.created_at }]);
    expect(queryDb("select id, name from items where id = ?", first.id)).toEqual([first]);
  });
});
