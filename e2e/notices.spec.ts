import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { cli, STRONG_PASSWORD, uniqueEmail } from "./support/cli";
import { queryDb } from "./support/db";
import { createItem, uniqueTag } from "./support/items";
import { signIn } from "./support/session";

/**
 * After every write the page says what happened in a live region that takes
 * focus, naming the record or counting the rows, and says nothing that was
 * typed into the URL.
 */

async function expectNotice(page: Page, text: string) {
  const status = page.getByRole("status");
  await expect(status).toHaveText(text);
  await expect(status).toBeFocused();
}

async function bulk(page: Page, names: string[], action: string) {
  for (const name of names) await page.getByRole("checkbox", { name: `Select ${name}` }).check();
  await page.getByLabel("With selected").selectOption({ label: action });
  await page.getByRole("button", { name: "Apply" }).click();
}

test.describe("resource writes", () => {
  test.use({ storageState: ACCOUNTS.admin.state });

  test("creating, saving and deleting a record name it", async ({ page }) => {
    const name = uniqueTag("Notice");
    const id = await createItem(page, { name });
    await expectNotice(page, `Item “${name}” created.`);

    await page.goto(`/admin/items/${id}/edit`);
    await page.getByLabel("Name").fill(`${name} renamed`);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page).toHaveURL(`/admin/items/${id}?notice=updated`);
    await expectNotice(page, `Item “${name} renamed” saved.`);

    await page.getByRole("link", { name: "Delete", exact: true }).click();
    await page.getByRole("button", { name: "Yes, delete" }).click();
    await expect(page).toHaveURL("/admin/items?notice=deleted&count=1");
    await expectNotice(page, "Item deleted.");
    expect(queryDb("select 1 from items where id = ?", id)).toEqual([]);
  });

  test("bulk deletes count the rows, and a second identical one is announced again", async ({ page }) => {
    const tag = uniqueTag("NoticeBulk");
    const names = ["a", "b", "c", "d"].map((s) => `${tag} ${s}`);
    for (const name of names) await createItem(page, { name });
    await page.goto(`/admin/items?q=${tag}&sort=name`);
    for (const pair of [names.slice(0, 2), names.slice(2)]) {
      await bulk(page, pair, "Delete");
      await page.getByRole("group", { name: "Confirm bulk action" }).getByRole("button", { name: "Yes, delete 2" }).click();
      await expect(page.getByRole("checkbox", { name: `Select ${pair[0]}` })).toHaveCount(0);
      await expect(page).toHaveURL(/notice=deleted&count=2$/);
      await expectNotice(page, "2 items deleted.");
    }
    expect(queryDb("select 1 from items where name like ?", `${tag}%`)).toEqual([]);
  });

  test("a bulk action counts the rows it changed", async ({ page }) => {
    const tag = uniqueTag("noticebulk").toLowerCase();
    const emails = [`${tag}-a@example.test`, `${tag}-b@example.test`];
    for (const email of emails) cli(["users", "create", "--email", email], `${STRONG_PASSWORD}\n`);
    await page.goto(`/admin/users?q=${tag}`);
    await bulk(page, emails, "Deactivate");
    await expect(page).toHaveURL(/notice=bulk&count=2$/);
    await expectNotice(page, "2 users updated.");
  });

  test("only known notices are shown, with a bounded count and nothing from the URL", async ({ page }) => {
    await page.goto("/admin/items?notice=%3Cb%3Ehello%3C%2Fb%3E&count=3");
    await expect(page.getByRole("heading", { name: "Items", level: 1 })).toBeVisible();
    await expect(page.getByRole("status")).toHaveCount(0);
    await expect(page.locator("body")).not.toContainText("hello");

    for (const count of ["1e9", "99999999", "-3", "%3Cscript%3E", "3%20hacked"]) {
      await page.goto(`/admin/items?notice=deleted&count=${count}`);
      await expect(page.getByRole("status"), count).toHaveText("Items deleted.");
    }
    // Each page shows only the notices its redirects carry.
    await page.goto("/admin/items?notice=created");
    await expect(page.getByRole("heading", { name: "Items", level: 1 })).toBeVisible();
    await expect(page.getByRole("status")).toHaveCount(0);
    await page.goto("/admin/items/1?notice=deleted&count=5");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("status")).toHaveCount(0);
  });
});

test("changing one's password says so and takes focus", async ({ page }) => {
  const email = uniqueEmail("notice-password");
  cli(["users", "create", "--email", email], `${STRONG_PASSWORD}\n`);
  await signIn(page, email, STRONG_PASSWORD);
  await page.waitForURL("/admin");
  await page.goto("/account");
  await page.getByLabel("Current password", { exact: true }).fill(STRONG_PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill(`${STRONG_PASSWORD}-new`);
  await page.getByLabel("Repeat new password").fill(`${STRONG_PASSWORD}-new`);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL("/account?notice=password");
  await expectNotice(page, "Your password was changed. Your other sessions have been signed out.");
});
