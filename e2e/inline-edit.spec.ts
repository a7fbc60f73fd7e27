import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { captureAction, replayAction } from "./support/actions";
import { cli, STRONG_PASSWORD, uniqueEmail } from "./support/cli";
import { queryDb } from "./support/db";
import { createItem, readTable, uniqueTag } from "./support/items";
import { signIn } from "./support/session";
import { seriousViolations } from "./support/axe";

test.use({ storageState: ACCOUNTS.admin.state });

const item = (id: number) => queryDb<{ name: string; category: string; price_cents: number; in_stock: number }>("select name, category, price_cents, in_stock from items where id = ?", id)[0]!;
const audits = (id: number) => queryDb<{ action: string; changes: string | null }>("select action, changes from audit_log where resource = 'items' and record_id = ? order by id", String(id));

/** The list narrowed to one test's rows. */
async function listOf(page: Page, tag: string) {
  await page.goto(`/admin/items?q=${tag}&sort=name`);
  await expect(page.getByRole("table")).toBeVisible();
}

const rowOf = async (page: Page, name: string) => (await readTable(page)).find((r) => r.Name === name)!;

test("a price edited in the list is saved, shown and audited; a second edit of the row saves too", async ({ page }) => {
  const name = uniqueTag("InlinePrice");
  const id = await createItem(page, { name, price: "10.00", inStock: false });
  await listOf(page, name);
  await page.getByRole("button", { name: `Edit price of ${name}` }).click();
  const input = page.getByRole("textbox", { name: `Price of ${name}` });
  await expect(input).toBeFocused();
  await expect(input).toHaveValue("10.00");
  await expect(page.getByText("Enter or Tab saves, Esc cancels")).toBeVisible();
  await input.fill("12.34");
  await input.press("Enter");
  await expect(input).toHaveCount(0);
  await expect.poll(async () => (await rowOf(page, name)).Price).toBe("$12.34");
  await expect(page.getByRole("button", { name: `Edit price of ${name}` })).toBeFocused();
  expect(item(id).price_cents).toBe(1234);
  const last = audits(id).at(-1)!;
  expect(last.action).toBe("update");
  expect(JSON.parse(last.changes!)).toEqual({ price: { before: 1000, after: 1234 } });

  // By keyboard, without reloading: the row's version moved on with the first save.
  await page.getByRole("button", { name: `Edit in stock of ${name}` }).press("Enter");
  const box = page.getByRole("checkbox", { name: `In stock of ${name}` });
  await expect(box).toBeFocused();
  await box.press("Space");
  await box.press("Enter");
  await expect(box).toHaveCount(0);
  await expect.poll(async () => (await rowOf(page, name))["In stock"]).toBe("Yes");
  expect(item(id)).toMatchObject({ price_cents: 1234, in_stock: 1 });

  await page.getByRole("button", { name: `Edit category of ${name}` }).click();
  await page.getByRole("combobox", { name: `Category of ${name}` }).selectOption("garden");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect.poll(async () => (await rowOf(page, name)).Category).toBe("garden");
  expect(item(id)).toMatchObject({ category: "garden", price_cents: 1234, in_stock: 1 });
});

test("Escape cancels an inline edit and leaves the record as it was", async ({ page }) => {
  const name = uniqueTag("InlineEscape");
  const id = await createItem(page, { name, price: "10.00" });
  const before = audits(id).length;
  await listOf(page, name);
  const cell = page.getByRole("button", { name: `Edit price of ${name}` });
  await cell.click();
  const input = page.getByRole("textbox", { name: `Price of ${name}` });
  await input.fill("99.99");
  await input.press("Escape");
  await expect(input).toHaveCount(0);
  await expect(cell).toBeFocused();
  expect((await rowOf(page, name)).Price).toBe("$10.00");
  await cell.click();
  await expect(input).toHaveValue("10.00");
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(input).toHaveCount(0);
  expect(item(id).price_cents).toBe(1000);
  expect(audits(id)).toHaveLength(before);
});

test("an invalid value is refused in place and nothing is written", async ({ page }) => {
  const name = uniqueTag("InlineInvalid");
  const id = await createItem(page, { name, price: "10.00" });
  const before = audits(id).length;
  await listOf(page, name);
  await page.getByRole("button", { name: `Edit price of ${name}` }).click();
  const input = page.getByRole("textbox", { name: `Price of ${name}` });
  await input.fill("abc");
  await input.press("Enter");
  const alert = page.getByRole("alert").filter({ hasText: "Enter an amount like 12.50" });
  await expect(alert).toBeVisible();
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await expect(input).toHaveValue("abc");
  expect(item(id).price_cents).toBe(1000);
  expect(audits(id)).toHaveLength(before);
  const found = await seriousViolations(page);
  expect(found, found.join("\n")).toEqual([]);
  await input.press("Escape");
  await expect(alert).toHaveCount(0);
  expect((await rowOf(page, name)).Price).toBe("$10.00");
});

test("a negative price is refused next to the cell with the edit form's own message, announced and tied to the input", async ({ page }) => {
  const name = uniqueTag("InlineNegative");
  const id = await createItem(page, { name, price: "10.00" });
  await page.goto(`/admin/items/${id}/edit`);
  await page.getByLabel("Price").fill("-3");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const formMessage = (await page.locator("#price-error").textContent())!.trim();
  expect(formMessage).toBe("Price cannot be negative.");

  await listOf(page, name);
  await page.getByRole("button", { name: `Edit price of ${name}` }).click();
  const input = page.getByRole("textbox", { name: `Price of ${name}` });
  await input.fill("-3");
  await input.press("Enter");
  const alert = page.getByRole("alert").filter({ hasText: formMessage });
  await expect(alert).toHaveText(formMessage);
  await expect(input).toHaveAttribute("aria-invalid", "true");
  const alertId = await alert.getAttribute("id");
  expect((await input.getAttribute("aria-describedby"))!.split(" ")).toContain(alertId);
  // Visible: nothing lies over the message.
  // Where the message's text is drawn (its box may start under the editor, padded).
  const box = await alert.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const r = range.getBoundingClientRect();
    return { y: r.y, height: r.height };
  });
  const editor = (await input.locator("xpath=..").boundingBox())!;
  expect(box.y >= editor.y + editor.height || box.y + box.height <= editor.y, `message ${JSON.stringify(box)} under editor ${JSON.stringify(editor)}`).toBe(true);
  expect(item(id).price_cents).toBe(1000);
});

test("keyboard only: Tab into the table, arrows, Enter edits, Tab saves and opens the next cell, Escape cancels", async ({ page }) => {
  const name = uniqueTag("InlineKeys");
  const id = await createItem(page, { name, price: "10.00", inStock: false });
  await listOf(page, name);
  await page.getByRole("link", { name, exact: true }).focus();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: `Edit category of ${name}` })).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("button", { name: `Edit price of ${name}` })).toBeFocused();
  await page.keyboard.press("Enter");
  const price = page.getByRole("textbox", { name: `Price of ${name}` });
  await expect(price).toBeFocused();
  await page.keyboard.type("7.25");
  await page.keyboard.press("Tab");
  const stock = page.getByRole("checkbox", { name: `In stock of ${name}` });
  await expect(stock).toBeFocused();
  await expect(price).toHaveCount(0);
  await expect.poll(() => item(id).price_cents).toBe(725);
  await expect.poll(async () => (await rowOf(page, name)).Price).toBe("$7.25");
  // Shift+Tab goes back to the price, with the saved value.
  await page.keyboard.press("Shift+Tab");
  await expect(price).toBeFocused();
  await expect(price).toHaveValue("7.25");
  await page.keyboard.type("8");
  await page.keyboard.press("Escape");
  await expect(price).toHaveCount(0);
  await expect(page.getByRole("button", { name: `Edit price of ${name}` })).toBeFocused();
  expect(item(id).price_cents).toBe(725);
  // And the in-stock cell, by arrow and Space.
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await expect(stock).toBeFocused();
  await page.keyboard.press("Space");
  await page.keyboard.press("Enter");
  await expect(stock).toHaveCount(0);
  await expect.poll(() => item(id).in_stock).toBe(1);
  await expect(page.getByRole("button", { name: `Edit in stock of ${name}` })).toBeFocused();
});

test("typed text is never dropped: a click elsewhere keeps the edit, another cell brings the user back to it", async ({ page }) => {
  const name = uniqueTag("InlineKeep");
  const id = await createItem(page, { name, price: "10.00" });
  await listOf(page, name);
  await page.getByRole("button", { name: `Edit price of ${name}` }).click();
  const input = page.getByRole("textbox", { name: `Price of ${name}` });
  await input.fill("55.00");
  await page.getByRole("heading", { name: "Items" }).click();
  await expect(input).toHaveValue("55.00");
  await page.getByRole("button", { name: `Edit category of ${name}` }).click();
  await expect(page.getByRole("combobox", { name: `Category of ${name}` })).toHaveCount(0);
  await expect(input).toBeFocused();
  await expect(input).toHaveValue("55.00");
  await expect(page.getByRole("alert").filter({ hasText: "Save or cancel this change first." })).toBeVisible();
  await input.press("Enter");
  await expect(input).toHaveCount(0);
  await expect.poll(() => item(id).price_cents).toBe(5500);
  // With nothing typed, another cell simply opens.
  await page.getByRole("button", { name: `Edit price of ${name}` }).click();
  await page.getByRole("button", { name: `Edit category of ${name}` }).click();
  await expect(page.getByRole("combobox", { name: `Category of ${name}` })).toBeFocused();
  await expect(input).toHaveCount(0);
});

test("a save against a stale list is refused with the conflict message, keeping the other change", async ({ page, browser }) => {
  const name = uniqueTag("InlineConflict");
  const id = await createItem(page, { name, price: "10.00" });
  await listOf(page, name);

  // Someone saves the record through the edit form after the list was loaded.
  const other = await (await browser.newContext({ storageState: ACCOUNTS.editor.state })).newPage();
  await other.goto(`/admin/items/${id}/edit`);
  await other.getByLabel("Price").fill("20.00");
  await other.getByRole("button", { name: "Save", exact: true }).click();
  await other.waitForURL(`/admin/items/${id}?notice=updated`);
  await other.context().close();

  await page.getByRole("button", { name: `Edit price of ${name}` }).click();
  const input = page.getByRole("textbox", { name: `Price of ${name}` });
  await input.fill("30.00");
  await input.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toContainText(`${ACCOUNTS.editor.email} changed this item (Price) after the list was loaded. Nothing was saved`);
  expect(item(id).price_cents).toBe(2000);
  // The list now shows the current value, and a new edit saves against it.
  await expect.poll(async () => (await rowOf(page, name)).Price).toMatch(/^\$20\.00/);
  await page.getByRole("button", { name: `Edit price of ${name}` }).click();
  await expect(input).toHaveValue("20.00");
  await input.fill("30.00");
  await input.press("Enter");
  await expect.poll(async () => (await rowOf(page, name)).Price).toBe("$30.00");
  expect(item(id).price_cents).toBe(3000);
});

/** An admin's inline save of a new price, recorded but not sent. */
async function capturedPriceSave(page: Page, tag: string) {
  const name = uniqueTag(tag);
  const id = await createItem(page, { name, price: "10.00" });
  await listOf(page, name);
  await page.getByRole("button", { name: `Edit price of ${name}` }).click();
  const input = page.getByRole("textbox", { name: `Price of ${name}` });
  await input.fill("66.00");
  const action = await captureAction(page, input, "Enter");
  expect(item(id).price_cents).toBe(1000);
  return { name, id, action };
}

test("without update permission: no inline editors, and a replayed inline save changes nothing", async ({ page, browser, baseURL }) => {
  test.slow();
  const { name, id, action } = await capturedPriceSave(page, "InlineViewOnly");

  const role = `itemsviewer-${process.pid}-${Date.now().toString(36)}`;
  const email = uniqueEmail("itemsviewer");
  cli(["roles", "create", role, "--permission", "items:view"]);
  cli(["users", "create", "--email", email, "--role", role], `${STRONG_PASSWORD}\n`);
  const viewer = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await signIn(viewer, email, STRONG_PASSWORD);
  await viewer.waitForURL("/admin");
  await listOf(viewer, name);
  expect((await rowOf(viewer, name)).Price).toBe("$10.00");
  await expect(viewer.getByRole("button", { name: /^Edit / })).toHaveCount(0);
  await expect(viewer.locator("tr[data-v]")).toHaveCount(0);
  await expect(viewer.getByLabel("With selected")).toHaveCount(0);

  for (const url of [action.url, `${baseURL}/`]) {
    const res = await replayAction(viewer.request, action, { url });
    expect(res.status(), url).not.toBe(500);
    expect(item(id).price_cents).toBe(1000);
  }
  await viewer.context().close();
});

test("an inline save takes only inline-editable fields, whatever the request says", async ({ page }) => {
  const { name, id, action } = await capturedPriceSave(page, "InlineForged");
  for (const [field, value] of [["name", "Forged name"], ["description", "Forged"], ["owner", "1"]] as const) {
    await replayAction(page.request, action, { form: { field, value } });
    expect(item(id).name).toBe(name);
  }
  expect(queryDb("select description, owner_id from items where id = ?", id)).toEqual([{ description: null, owner_id: null }]);
  // The captured request itself was a valid one.
  await replayAction(page.request, action);
  expect(item(id).price_cents).toBe(6600);
});

test("bulk Set field sets In stock on the selected rows, one audit entry each", async ({ page }) => {
  const tag = uniqueTag("BulkSet");
  const ids: number[] = [];
  for (const s of ["a", "b", "c", "d"]) ids.push(await createItem(page, { name: `${tag} ${s}`, inStock: true }));
  await listOf(page, tag);
  for (const s of ["a", "b", "c"]) await page.getByRole("checkbox", { name: `Select ${tag} ${s}` }).check();
  await page.getByLabel("With selected").selectOption({ label: "Set field…" });
  await page.getByLabel("Field", { exact: true }).selectOption({ label: "In stock" });
  await page.getByLabel("Value", { exact: true }).selectOption({ label: "No" });
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL(/notice=bulk/);
  await expect(page.getByRole("status")).toHaveText("3 items updated.");
  expect(ids.map((id) => item(id).in_stock)).toEqual([0, 0, 0, 1]);
  expect((await readTable(page)).map((r) => r["In stock"])).toEqual(["No", "No", "No", "Yes"]);
  for (const id of ids.slice(0, 3)) {
    const entries = audits(id).filter((a) => a.action === "bulk:set");
    expect(entries).toHaveLength(1);
    expect(JSON.parse(entries[0]!.changes!)).toEqual({ inStock: { before: true, after: false } });
  }
  expect(audits(ids[3]!).filter((a) => a.action === "bulk:set")).toEqual([]);
});

test("an invalid bulk value is refused with a clear message and changes nothing", async ({ page }) => {
  const tag = uniqueTag("BulkSetBad");
  const ids = [await createItem(page, { name: `${tag} a`, price: "5.00" }), await createItem(page, { name: `${tag} b`, price: "6.00" })];
  await listOf(page, tag);
  await page.getByRole("checkbox", { name: "Select all rows on this page" }).check();
  await page.getByLabel("With selected").selectOption({ label: "Set field…" });
  await page.getByLabel("Field", { exact: true }).selectOption({ label: "Price" });
  await page.getByLabel("Value", { exact: true }).fill("abc");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Price: Enter an amount like 12.50 (at most 2 decimals).");
  expect(ids.map((id) => item(id).price_cents)).toEqual([500, 600]);
  for (const id of ids) expect(audits(id).filter((a) => a.action === "bulk:set")).toEqual([]);
});

for (const scheme of ["light", "dark"] as const) {
  test(`the list with inline editing has no serious axe violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const name = uniqueTag("InlineAxe");
    await createItem(page, { name });
    await listOf(page, name);
    await page.getByRole("button", { name: `Edit category of ${name}` }).waitFor();
    let found = await seriousViolations(page);
    expect(found, found.join("\n")).toEqual([]);
    await page.getByRole("button", { name: `Edit price of ${name}` }).click();
    await page.getByRole("textbox", { name: `Price of ${name}` }).fill("x");
    await page.getByRole("textbox", { name: `Price of ${name}` }).press("Enter");
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toBeVisible();
    found = await seriousViolations(page);
    expect(found, found.join("\n")).toEqual([]);
  });
}
