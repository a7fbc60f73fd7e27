import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { E2E_ENV } from "./env";
import { ACCOUNTS } from "./support/accounts";
import { captureAction, replayAction } from "./support/actions";
import { STRONG_PASSWORD, uniqueEmail } from "./support/cli";
import { queryDb } from "./support/db";
import { createItem, uniqueTag } from "./support/items";

const run = promisify(execFile);
const CLI_ENV: NodeJS.ProcessEnv = { ...process.env, ...E2E_ENV, NODE_ENV: "test" };

/** Runs the CLI without blocking the test, so that it can race the server; resolves "ok" or why it failed. */
function cliAsync(args: string[], input?: string): Promise<string> {
  const child = run(process.execPath, ["--import", "tsx", "scripts/gatehouse.ts", ...args], { env: CLI_ENV });
  child.child.stdin?.end(input ?? "");
  return child.then(
    () => "ok",
    (error: { stderr?: string; message: string }) => `failed: ${error.stderr || error.message}`,
  );
}

test("a save from a stale form is refused, says what changed (not who, to a viewer without users:view), and keeps what was typed", async ({ browser }) => {
  const admin = await browser.newContext({ storageState: ACCOUNTS.admin.state });
  const editor = await browser.newContext({ storageState: ACCOUNTS.editor.state });
  const a = await admin.newPage();
  const b = await editor.newPage();
  const tag = uniqueTag("Conflict");
  const id = await createItem(a, { name: tag, price: "5.00" });
  const row = () => queryDb<{ name: string; price_cents: number }>("select name, price_cents from items where id = ?", id)[0];

  // Both open the edit form; the admin saves first.
  await a.goto(`/admin/items/${id}/edit`);
  await b.goto(`/admin/items/${id}/edit`);
  await a.getByLabel("Name").fill(`${tag} renamed`);
  await a.getByRole("button", { name: "Save", exact: true }).click();
  await expect(a).toHaveURL(`/admin/items/${id}?notice=updated`);

  // The editor's save, from the form read before, would revert the new name.
  await b.getByLabel("Price").fill("9.99");
  await b.getByRole("button", { name: "Save", exact: true }).click();
  // The editor may view neither users nor the audit log: the message names no one.
  await expect(b.getByRole("alert").filter({ hasText: /\S/ })).toContainText("Someone else changed this item (Name) after you opened this form");
  await expect(b.getByRole("alert").filter({ hasText: /\S/ })).not.toContainText("@");
  await expect(b).toHaveURL(`/admin/items/${id}/edit`);
  await expect(b.getByLabel("Price")).toHaveValue("9.99");
  expect(row()).toEqual({ name: `${tag} renamed`, price_cents: 500 });

  // Having read the message, saving again is a deliberate choice, and works.
  await b.getByLabel("Name").fill(`${tag} renamed`);
  await b.getByRole("button", { name: "Save", exact: true }).click();
  await expect(b).toHaveURL(`/admin/items/${id}?notice=updated`);
  expect(row()).toEqual({ name: `${tag} renamed`, price_cents: 999 });
  await admin.close();
  await editor.close();
});

test("a stale user form cannot revert a role change made in the meantime", async ({ browser }) => {
  const email = uniqueEmail("stale-roles");
  expect(await cliAsync(["users", "create", "--email", email, "--role", "editor"], `${STRONG_PASSWORD}\n`)).toBe("ok");
  const id = queryDb<{ id: string }>("select id from users where email = ?", email)[0]!.id;
  const page = await (await browser.newContext({ storageState: ACCOUNTS.admin.state })).newPage();
  await page.goto(`/admin/users/${id}/edit`);
  // Meanwhile an operator takes the editor role away.
  expect(await cliAsync(["users", "remove-role", email, "editor"])).toBe("ok");
  await page.getByLabel("Name").fill("Renamed");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toContainText("cli:");
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toContainText("Roles");
  expect(queryDb("select ur.role_id from user_roles ur where ur.user_id = ?", id)).toEqual([]);
  await page.context().close();
});

test("the CLI and the panel writing at the same time all succeed", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await (await browser.newContext({ storageState: ACCOUNTS.admin.state })).newPage();
  const tag = uniqueTag("Busy");
  await page.goto("/admin/items/new");
  await page.getByLabel("Name").fill(tag);
  await page.getByLabel("Category").selectOption("tools");
  await page.getByLabel("Price").fill("1.00");
  const action = await captureAction(page, page.getByRole("button", { name: "Save", exact: true }));

  // The panel keeps writing for as long as the CLI runs.
  let cliDone = false;
  const panelStatuses: number[] = [];
  const panel = async () => {
    while (!cliDone) panelStatuses.push((await replayAction(page.context().request, action, { form: { name: `${tag} ${panelStatuses.length}` } })).status());
  };
  const operator = async () => {
    const results: string[] = [];
    for (let round = 0; round < 6; round++) {
      const email = uniqueEmail(`busy${round}`);
      const role = `busy-${process.pid}-${Date.now().toString(36)}-${round}`;
      results.push(
        ...(await Promise.all([cliAsync(["users", "create", "--email", email], `${STRONG_PASSWORD}\n`), cliAsync(["roles", "create", role, "--permission", "items:view"])])),
        ...(await Promise.all([cliAsync(["users", "add-role", email, role]), cliAsync(["roles", "grant", role, "items:export"])])),
      );
    }
    cliDone = true;
    return results;
  };
  const [results] = await Promise.all([operator(), panel(), panel()]);
  expect(results.filter((r) => r !== "ok")).toEqual([]);
  expect(panelStatuses.length).toBeGreaterThan(5);
  expect(panelStatuses.filter((s) => s >= 400)).toEqual([]);
  expect(queryDb<{ n: number }>("select count(*) as n from items where name like ?", `${tag} %`)[0]!.n).toBe(panelStatuses.length);
  await page.context().close();
});
