import { expect, test, type APIResponse, type Browser, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { ACCOUNTS } from "./support/accounts";
import { actionArgs, captureAction, replayAction, type CapturedAction } from "./support/actions";
import { queryDb } from "./support/db";
import { createItem, uniqueTag } from "./support/items";

/**
 * Forged writes that each of the engine's doors must refuse: a write the
 * resource does not declare (the audit log), a version the server never
 * handed out, and answers that would tell "not yours" from "not there" (rows,
 * and user ids behind an owner field).
 */

const userId = (email: string) => queryDb<{ id: string }>("select id from users where email = ?", email)[0]!.id;
const item = (id: number) => queryDb<{ name: string; price_cents: number; category: string; in_stock: number | boolean; owner_id: string | null }>("select name, price_cents, category, in_stock, owner_id from items where id = ?", id)[0];
const othersItem = () => queryDb<{ id: number }>("select id from items where owner_id = ? order by id limit 1", userId(ACCOUNTS.admin.email))[0]!.id;
const ownItem = () => queryDb<{ id: number; name: string }>("select id, name from items where owner_id = ? order by id limit 1", userId(ACCOUNTS.contributor.email))[0]!;
const missingItem = () => queryDb<{ n: number }>("select max(id) as n from items")[0]!.n + 100_000;

async function as(browser: Browser, account: keyof typeof ACCOUNTS): Promise<Page> {
  return (await browser.newContext({ storageState: ACCOUNTS[account].state })).newPage();
}

/** What an attacker reads of an answer: its status and the message of the returned state. */
async function answer(res: APIResponse): Promise<{ status: number; message: string | null }> {
  const body = await res.text();
  return { status: res.status(), message: /"message":"([^"]*)"/.exec(body)?.[1] ?? null };
}

test("a bulk delete forged against the audit log deletes no entry, even for an admin", async ({ browser }) => {
  const page = await as(browser, "admin");
  const entry = queryDb<{ id: number }>("select id from audit_log order by id limit 1")[0]!.id;
  const name = uniqueTag("AuditForge");
  await createItem(page, { name });
  await page.goto(`/admin/items?q=${name}`);
  await page.getByRole("checkbox", { name: `Select ${name}` }).check();
  await page.getByLabel("With selected").selectOption({ label: "Delete" });
  const bulk = await captureAction(page, page.getByRole("button", { name: "Apply" }));
  const args = actionArgs(bulk);
  args[0] = "audit";
  const res = await replayAction(page.request, bulk, { args, form: { action: "delete", ids: String(entry), confirmed: "yes", back: "/admin/audit" } });
  expect(res.status()).toBeLessThan(500);
  expect(res.headers()["x-action-redirect"] ?? "").not.toContain("notice=deleted");
  expect(queryDb("select id from audit_log where id = ?", entry)).toEqual([{ id: entry }]);
  await page.context().close();
});

test("a forged or unsigned version is refused as an invalid form: no history, no e-mail, nothing written", async ({ browser }) => {
  const admin = await as(browser, "admin");
  const name = uniqueTag("VersionForge");
  const id = await createItem(admin, { name, price: "5.00" });
  await admin.goto(`/admin/items/${id}/edit`);
  await admin.getByLabel("Name").fill(`${name} renamed`);
  await admin.getByRole("button", { name: "Save", exact: true }).click();
  await expect(admin).toHaveURL(`/admin/items/${id}?notice=updated`);
  const before = item(id);

  // An editor without users:view or audit:view.
  const editor = await as(browser, "editor");
  await editor.goto(`/admin/items/${id}/edit`);
  await editor.getByLabel("Price").fill("9.99");
  const save = await captureAction(editor, editor.getByRole("button", { name: "Save", exact: true }));
  const current = String(new Date(queryDb<{ updated_at: string | number }>("select updated_at from items where id = ?", id)[0]!.updated_at).getTime());
  for (const version of ["0", "1", current, `${current}.${"A".repeat(43)}`, ""]) {
    const res = await replayAction(editor.request, save, { form: { __version: version } });
    const { status, message } = await answer(res);
    expect(status, version).toBe(200);
    expect(message, version).toMatch(/^This form is no longer valid/);
    expect(await res.text(), version).not.toContain("@example.com");
    expect(item(id), version).toEqual(before);
  }
  // The version of another record, signed by the server, is no version of this one.
  const other = await createItem(admin, { name: uniqueTag("VersionOther") });
  await editor.goto(`/admin/items/${other}/edit`);
  const foreign = await editor.locator('input[name="__version"]').inputValue();
  expect((await answer(await replayAction(editor.request, save, { form: { __version: foreign } }))).message).toMatch(/^This form is no longer valid/);
  expect(item(id)).toEqual(before);
  // The form as the server rendered it saves.
  await replayAction(editor.request, save);
  expect(item(id)!.price_cents).toBe(999);
  await admin.context().close();
  await editor.context().close();
});

/** The contributor's captured writes on their own item, to replay with other ids. */
async function contributorWrites(page: Page): Promise<Record<string, (id: number) => Promise<APIResponse>>> {
  const own = ownItem();
  await page.goto(`/admin/items/${own.id}/edit`);
  const update = await captureAction(page, page.getByRole("button", { name: "Save", exact: true }));
  await page.goto(`/admin/items/${own.id}`);
  await page.getByRole("link", { name: "Delete", exact: true }).click();
  const del = await captureAction(page, page.getByRole("button", { name: "Yes, delete" }));
  await page.goto(`/admin/items?q=${encodeURIComponent(own.name)}`);
  await page.getByRole("button", { name: `Edit category of ${own.name}` }).click();
  const select = page.getByRole("combobox", { name: `Category of ${own.name}` });
  await select.selectOption((await select.inputValue()) === "books" ? "tools" : "books");
  const inline = await captureAction(page, select, "Enter");
  await page.goto(`/admin/items?q=${encodeURIComponent(own.name)}`);
  await page.getByRole("checkbox", { name: `Select ${own.name}` }).check();
  await page.getByLabel("With selected").selectOption({ label: "Delete" });
  const bulkDelete = await captureAction(page, page.getByRole("button", { name: "Apply" }));
  await page.goto(`/admin/items?q=${encodeURIComponent(own.name)}`);
  await page.getByRole("checkbox", { name: `Select ${own.name}` }).check();
  await page.getByLabel("With selected").selectOption({ label: "Set field…" });
  await page.getByLabel("Field", { exact: true }).selectOption({ label: "In stock" });
  const bulkSet = await captureAction(page, page.getByRole("button", { name: "Apply" }));
  const withId = (action: CapturedAction, id: number) => {
    const args = actionArgs(action);
    args[1] = String(id);
    return args;
  };
  return {
    update: (id) => replayAction(page.request, update, { args: withId(update, id), form: { name: "taken over" } }),
    delete: (id) => replayAction(page.request, del, { args: withId(del, id) }),
    "inline edit": (id) => replayAction(page.request, inline, { form: { id: String(id) } }),
    "bulk delete": (id) => replayAction(page.request, bulkDelete, { form: { ids: String(id), confirmed: "yes" } }),
    "bulk set field": (id) => replayAction(page.request, bulkSet, { form: { ids: String(id) } }),
  };
}

test("someone else's item and a missing one get the same answer on every write", async ({ browser }) => {
  const page = await as(browser, "contributor");
  const writes = await contributorWrites(page);
  const foreign = othersItem();
  const before = item(foreign);
  for (const [path, write] of Object.entries(writes)) {
    const theirs = await answer(await write(foreign));
    const gone = await answer(await write(missingItem()));
    expect(theirs, path).toEqual(gone);
    expect(theirs.message, path).toMatch(/does not exist/);
    expect(item(foreign), path).toEqual(before);
  }
  await page.context().close();
});

test("an owner id the editor may not view gets the same answer as one that does not exist", async ({ browser }) => {
  // The editor may create items but not view users.
  const page = await as(browser, "editor");
  await page.goto("/admin/items/new");
  await page.getByLabel("Name").fill("placeholder");
  await page.getByLabel("Category").selectOption("books");
  await page.getByLabel("Price").fill("1.00");
  const create = await captureAction(page, page.getByRole("button", { name: "Save", exact: true }));
  const answers = [];
  for (const owner of [userId(ACCOUNTS.admin.email), randomUUID()]) {
    const name = uniqueTag("OwnerOracle");
    const res = await replayAction(page.request, create, { form: { name, owner } });
    const body = await res.text();
    answers.push({ status: res.status(), errors: /"fieldErrors":(\{[^}]*\})/.exec(body)?.[1] ?? null });
    expect(queryDb("select id from items where name = ?", name)).toEqual([]);
  }
  expect(answers[0]).toEqual(answers[1]);
  expect(answers[0]!.errors).toContain("Choose an existing user.");
  // No owner at all is still allowed.
  const name = uniqueTag("OwnerNone");
  await replayAction(page.request, create, { form: { name, owner: "" } });
  expect(queryDb("select owner_id from items where name = ?", name)).toEqual([{ owner_id: null }]);
  await page.context().close();
});
