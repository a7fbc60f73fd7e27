import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { cli, STRONG_PASSWORD, uniqueEmail } from "./support/cli";
import { queryDb } from "./support/db";
import { uniqueTag } from "./support/items";
import { signIn } from "./support/session";
import { seriousViolations } from "./support/axe";

/**
 * Django-grade record forms (issue 21, items 6, 7, 8 and the no-JS picker of
 * 12): the three save buttons, Delete on the edit page, focus after a failed
 * submit, references shown as the viewer may see them, and the owner picker
 * with and without JavaScript.
 */

const userId = (email: string) => queryDb<{ id: string }>("select id from users where email = ?", email)[0]!.id;
const itemsNamed = (name: string) => queryDb<{ id: number; name: string; owner_id: string | null }>("select id, name, owner_id from items where name = ?", name);
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");

async function fillItem(page: Page, name: string, price = "3.50") {
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Category").selectOption("tools");
  await page.getByLabel("Price").fill(price);
}

test.describe("as admin", () => {
  test.use({ storageState: ACCOUNTS.admin.state });

  test("Save goes to the details page, Save and add another to a fresh form, Save and continue editing to the edit form; one row each", async ({ page }) => {
    const first = uniqueTag("SaveOne");
    await page.goto("/admin/items/new");
    await fillItem(page, first);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.waitForURL(/\/admin\/items\/\d+\?notice=created$/);
    await expect(page.getByRole("status")).toHaveText(`Item “${first}” created.`);
    expect(itemsNamed(first)).toHaveLength(1);

    const second = uniqueTag("SaveAnother");
    await page.goto("/admin/items/new");
    await fillItem(page, second);
    await page.getByRole("button", { name: "Save and add another" }).click();
    await page.waitForURL(/\/admin\/items\/new\?notice=created&saved=\d+$/);
    await expect(page.getByRole("status")).toHaveText(`Item “${second}” created. You may add another item below.`);
    await expect(page.getByLabel("Name")).toHaveValue("");
    expect(itemsNamed(second)).toHaveLength(1);
    // And again from that fresh form: another row, the notice names it.
    const third = uniqueTag("SaveAnotherAgain");
    await fillItem(page, third);
    await page.getByRole("button", { name: "Save and add another" }).click();
    await expect(page.getByRole("status")).toHaveText(`Item “${third}” created. You may add another item below.`);
    await expect(page.getByLabel("Name")).toHaveValue("");
    expect(itemsNamed(third)).toHaveLength(1);

    const fourth = uniqueTag("SaveContinue");
    await page.goto("/admin/items/new");
    await fillItem(page, fourth);
    await page.getByRole("button", { name: "Save and continue editing" }).click();
    await page.waitForURL(/\/admin\/items\/\d+\/edit\?notice=created$/);
    const [row] = itemsNamed(fourth);
    expect(row).toBeTruthy();
    expect(new URL(page.url()).pathname).toBe(`/admin/items/${row!.id}/edit`);
    await expect(page.getByRole("status")).toHaveText(`Item “${fourth}” created.`);
    await expect(page.getByLabel("Name")).toHaveValue(fourth);
    // Continue editing the same record: saved in place, no new row.
    await page.getByLabel("Name").fill(`${fourth}b`);
    await page.getByRole("button", { name: "Save and continue editing" }).click();
    await expect(page.getByRole("status")).toHaveText(`Item “${fourth}b” saved.`);
    expect(new URL(page.url()).pathname).toBe(`/admin/items/${row!.id}/edit`);
    await expect(page.getByLabel("Name")).toHaveValue(`${fourth}b`);
    expect(itemsNamed(fourth)).toHaveLength(0);
    expect(itemsNamed(`${fourth}b`)).toEqual([{ ...row!, name: `${fourth}b` }]);
    // A second save from the refreshed form is no edit conflict.
    await page.getByLabel("Price").fill("4.00");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.waitForURL(`/admin/items/${row!.id}?notice=updated`);
  });

  test("the edit page links to the delete confirmation", async ({ page }) => {
    await page.goto("/admin/items/1/edit");
    await expect(page.getByRole("link", { name: "Delete", exact: true })).toHaveAttribute("href", "/admin/items/1/delete");
  });

  test("after a failed submit, focus is on the first field with an error", async ({ page }) => {
    await page.goto("/admin/items/new");
    await page.getByLabel("Price").fill("abc");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Name is required.")).toBeVisible();
    await expect.poll(() => focusedId(page)).toBe("name");
    await page.getByLabel("Name").fill(uniqueTag("Focus"));
    await page.getByLabel("Category").selectOption("tools");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Enter an amount like 12.50 (at most 2 decimals).")).toBeVisible();
    await expect.poll(() => focusedId(page)).toBe("price");
  });

  test("the owner picker finds users by name, says Searching… until the lookup answers, and No match only then", async ({ page }) => {
    await page.goto("/admin/items/new");
    const picker = page.getByRole("combobox", { name: "Owner" });
    await picker.fill("eddie");
    await expect(page.getByRole("option", { name: ACCOUNTS.editor.email })).toBeVisible();
    await picker.fill("cora");
    await expect(page.getByRole("option", { name: ACCOUNTS.contributor.email })).toBeVisible();

    // A slow lookup: Searching… while it runs, No match only after it answered with nothing.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route("**/admin/items/lookup**", async (route) => {
      await held;
      await route.continue();
    });
    await picker.fill("nobody-by-this-name");
    await expect(page.getByText("Searching…")).toBeVisible();
    await expect(page.getByText("No match")).toHaveCount(0);
    release();
    await expect(page.getByText("No match")).toBeVisible();
    await expect(page.getByText("Searching…")).toHaveCount(0);
    await page.unroute("**/admin/items/lookup**");

    // Choosing one saves it.
    const name = uniqueTag("Picked");
    await fillItem(page, name);
    await picker.fill("eddie");
    await page.getByRole("option", { name: ACCOUNTS.editor.email }).click();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.waitForURL(/\/admin\/items\/\d+\?notice=created$/);
    expect(itemsNamed(name)[0]?.owner_id).toBe(userId(ACCOUNTS.editor.email));
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`the new and edit forms are axe clean (${scheme})`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.emulateMedia({ colorScheme: scheme });
      for (const path of ["/admin/items/new", "/admin/items/1/edit", "/admin/users/new", "/admin/items/new?notice=created&saved=1", "/admin/items/1/edit?notice=updated"]) {
        await page.goto(path);
        await page.waitForLoadState("load");
        expect(await seriousViolations(page), path).toEqual([]);
      }
      // With the picker's answer open, and after a failed submit.
      await page.goto("/admin/items/new");
      await page.getByRole("combobox", { name: "Owner" }).fill("example");
      await expect(page.getByRole("listbox").getByRole("option").first()).toBeVisible();
      expect(await seriousViolations(page), "picker open").toEqual([]);
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await expect(page.getByText("Name is required.")).toBeVisible();
      expect(await seriousViolations(page), "failed submit").toEqual([]);
    });
  }
});

test.describe("without JavaScript", () => {
  test.use({ storageState: ACCOUNTS.admin.state, javaScriptEnabled: false });

  test("the owner is typed as an e-mail or a name, resolved by the server; an unknown one is the field's error", async ({ page }) => {
    const name = uniqueTag("NoJsOwner");
    await page.goto("/admin/items/new");
    await fillItem(page, name);
    const owner = page.getByRole("textbox", { name: "Owner" });
    await owner.fill("nobody@example.com");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("No user matches “nobody@example.com”.")).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Owner" })).toHaveValue("nobody@example.com");
    await expect(page.getByRole("textbox", { name: "Owner" })).toHaveAttribute("aria-invalid", "true");
    expect(await focusedId(page)).toBe("owner");
    expect(itemsNamed(name)).toHaveLength(0);

    await page.getByRole("textbox", { name: "Owner" }).fill(ACCOUNTS.editor.email.toUpperCase());
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.waitForURL(/\/admin\/items\/\d+\?notice=created$/);
    expect(itemsNamed(name)[0]?.owner_id).toBe(userId(ACCOUNTS.editor.email));

    // On the edit form: the owner's e-mail; a full name works too; emptied, the item has no owner.
    const id = itemsNamed(name)[0]!.id;
    await page.goto(`/admin/items/${id}/edit`);
    await expect(page.getByRole("textbox", { name: "Owner" })).toHaveValue(ACCOUNTS.editor.email);
    await page.getByRole("textbox", { name: "Owner" }).fill("Eddie Editor");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.waitForURL(`/admin/items/${id}?notice=updated`);
    expect(itemsNamed(name)[0]?.owner_id).toBe(userId(ACCOUNTS.editor.email));
    await page.goto(`/admin/items/${id}/edit`);
    await page.getByRole("textbox", { name: "Owner" }).fill("");
    await page.getByRole("button", { name: "Save and continue editing" }).click();
    await page.waitForURL(`/admin/items/${id}/edit?notice=updated`);
    expect(itemsNamed(name)[0]?.owner_id).toBeNull();
  });
});

test.describe("without JavaScript, two rows with one title", () => {
  test.use({ storageState: ACCOUNTS.admin.state, javaScriptEnabled: false });

  test("an edit that leaves the reference as shown keeps its row, though another row has the same title", async ({ page }) => {
    const twin = uniqueTag("Twin");
    const supplierIds: number[] = [];
    for (const email of ["first@example.com", "second@example.com"]) {
      await page.goto("/admin/suppliers/new");
      await page.getByLabel("Name").fill(twin);
      await page.getByLabel("Contact email").fill(email);
      await page.getByLabel("Contract start").fill("2024-03-05T10:00");
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await page.waitForURL(/\/admin\/suppliers\/\d+\?notice=created$/);
      supplierIds.push(Number(new URL(page.url()).pathname.split("/").pop()));
    }
    const name = uniqueTag("TwinItem");
    await page.goto("/admin/items/new");
    await fillItem(page, name);
    // The second one, by its contact e-mail (its name alone matches both).
    await page.getByRole("textbox", { name: "Supplier" }).fill(twin);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText(`Several suppliers match “${twin}”.`, { exact: false })).toBeVisible();
    await page.getByRole("textbox", { name: "Supplier" }).fill("second@example.com");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.waitForURL(/\/admin\/items\/\d+\?notice=created$/);
    const id = itemsNamed(name)[0]!.id;
    const supplierOf = () => queryDb<{ supplier_id: number }>("select supplier_id from items where id = ?", id)[0]!.supplier_id;
    expect(supplierOf()).toBe(supplierIds[1]);

    // Only the price changes; the supplier field still reads the shared name.
    await page.goto(`/admin/items/${id}/edit`);
    await expect(page.getByRole("textbox", { name: "Supplier" })).toHaveValue(twin);
    await page.getByLabel("Price").fill("4.25");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.waitForURL(`/admin/items/${id}?notice=updated`);
    expect(supplierOf()).toBe(supplierIds[1]);
  });
});

test.describe("as the contributor", () => {
  test.use({ storageState: ACCOUNTS.contributor.state });

  test("owner cells show their e-mail as text, the edit form too, never their id", async ({ page }) => {
    const mine = userId(ACCOUNTS.contributor.email);
    await page.goto("/admin/items?per=100");
    const table = page.getByRole("table");
    const ownerCol = await table.locator("thead th").evaluateAll((ths) => ths.findIndex((th) => th.textContent?.trim().startsWith("Owner")));
    expect(ownerCol).toBeGreaterThan(-1);
    const cells = table.locator(`tbody tr > :nth-child(${ownerCol + 1})`);
    expect(await cells.count()).toBeGreaterThan(0);
    for (const text of await cells.allInnerTexts()) expect(text.trim()).toBe(ACCOUNTS.contributor.email);
    await expect(table.locator('a[href^="/admin/users/"]')).toHaveCount(0);
    expect(await page.locator("body").innerText()).not.toContain(mine);

    const own = queryDb<{ id: number }>("select id from items where owner_id = ? order by id limit 1", mine)[0]!;
    await page.goto(`/admin/items/${own.id}`);
    await expect(page.locator("dd").filter({ hasText: ACCOUNTS.contributor.email })).toHaveCount(1);
    await expect(page.locator('a[href^="/admin/users/"]')).toHaveCount(0);
    await page.goto(`/admin/items/${own.id}/edit`);
    await expect(page.getByRole("textbox", { name: "Owner" })).toHaveValue(ACCOUNTS.contributor.email);
    await expect(page.getByRole("textbox", { name: "Owner" })).not.toBeEditable();
    expect(await page.locator("body").innerText()).not.toContain(mine);
    // They may delete their own: the edit page links to it.
    await expect(page.getByRole("link", { name: "Delete", exact: true })).toHaveAttribute("href", `/admin/items/${own.id}/delete`);
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`their edit form is axe clean (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const own = queryDb<{ id: number }>("select id from items where owner_id = ? order by id limit 1", userId(ACCOUNTS.contributor.email))[0]!;
      for (const path of [`/admin/items/${own.id}/edit`, "/admin/items/new"]) {
        await page.goto(path);
        expect(await seriousViolations(page), path).toEqual([]);
      }
    });
  }
});

test.describe("as the editor (no delete, no users:view)", () => {
  test.use({ storageState: ACCOUNTS.editor.state });

  test("no Delete on the edit page; others' owners read as a neutral text, themselves as their e-mail", async ({ page }) => {
    const other = queryDb<{ id: number; owner_id: string }>("select i.id, i.owner_id from items i join users u on u.id = i.owner_id where u.email = ? order by i.id limit 1", ACCOUNTS.admin.email)[0]!;
    await page.goto(`/admin/items/${other.id}/edit`);
    await expect(page.getByRole("button", { name: "Save", exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "Delete", exact: true })).toHaveCount(0);
    await expect(page.getByRole("textbox", { name: "Owner" })).toHaveValue("Another user");
    await page.goto(`/admin/items/${other.id}`);
    await expect(page.locator("dd").filter({ hasText: /^Another user$/ })).toHaveCount(1);
    expect(await page.locator("body").innerText()).not.toContain(other.owner_id);
  });
});

test("a wrong current password keeps the new password typed, and focus goes to the current password", async ({ browser }) => {
  const email = uniqueEmail("pwkeep");
  cli(["users", "create", "--email", email], `${STRONG_PASSWORD}\n`);
  const page = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await signIn(page, email, STRONG_PASSWORD);
  await page.waitForURL("/admin");
  await page.goto("/account");
  const next = "Another-Long-Passphrase-73";
  // What the action answers: it must never carry a password back to the browser.
  const answers: Promise<string>[] = [];
  page.on("response", (r) => {
    if (r.request().method() === "POST") answers.push(r.text().catch(() => ""));
  });
  await page.getByLabel("Current password", { exact: true }).fill("not-my-password");
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByLabel("Repeat new password").fill(next);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("The current password is not correct.")).toBeVisible();
  await expect(page.getByLabel("New password", { exact: true })).toHaveValue(next);
  await expect(page.getByLabel("Repeat new password")).toHaveValue(next);
  await expect(page.getByLabel("Current password", { exact: true })).toHaveValue("");
  await expect.poll(() => focusedId(page)).toBe("current");
  expect(answers.length).toBeGreaterThan(0);
  expect((await Promise.all(answers)).join("\n")).not.toContain(next);
  // Typed again, the change goes through.
  await page.getByLabel("Current password", { exact: true }).fill(STRONG_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await page.waitForURL("/account?notice=password");
  await page.context().close();
});
