import { expect, test } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { cli, STRONG_PASSWORD, uniqueEmail } from "./support/cli";
import { queryDb } from "./support/db";
import { createItem, uniqueTag } from "./support/items";
import { expectSignedIn, signIn } from "./support/session";

const NEW_PASSWORD = "Another-Strong-Passphrase-7";

test.describe("account page", () => {
  test("changing the password needs the current one, ends other sessions and keeps this one", async ({ browser }) => {
    const email = uniqueEmail("account");
    cli(["users", "create", "--email", email], `${STRONG_PASSWORD}\n`);
    const here = await (await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "192.0.2.44" } })).newPage();
    const elsewhere = await (await browser.newContext()).newPage();
    for (const page of [elsewhere, here]) {
      await signIn(page, email, STRONG_PASSWORD);
      await expectSignedIn(page, email);
    }
    await here.goto("/account");
    await expect(here.getByTestId("current-sign-in")).toContainText("192.0.2.44");

    await here.getByLabel("Current password").fill("not-my-password");
    await here.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await here.getByLabel("Repeat new password").fill(NEW_PASSWORD);
    await here.getByRole("button", { name: "Change password" }).click();
    await expect(here.locator("#current-error")).toHaveText("The current password is not correct.");

    await here.getByLabel("Current password").fill(STRONG_PASSWORD);
    await here.getByLabel("New password", { exact: true }).fill("é".repeat(37));
    await here.getByLabel("Repeat new password").fill("é".repeat(37));
    await here.getByRole("button", { name: "Change password" }).click();
    await expect(here.locator("#password-error")).toContainText("72 bytes");
    const hashBefore = queryDb<{ h: string }>("select password_hash h from users where email = ?", email)[0]!.h;

    await here.getByLabel("Current password").fill(STRONG_PASSWORD);
    await here.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await here.getByLabel("Repeat new password").fill(NEW_PASSWORD);
    await here.getByRole("button", { name: "Change password" }).click();
    await expect(here.getByRole("status")).toContainText("Your password was changed");
    expect(queryDb<{ h: string }>("select password_hash h from users where email = ?", email)[0]!.h).not.toBe(hashBefore);

    await here.goto("/");
    await expectSignedIn(here, email);
    await elsewhere.goto("/");
    await expect(elsewhere).toHaveURL(/\/login/);
    await signIn(elsewhere, email, NEW_PASSWORD);
    await expectSignedIn(elsewhere, email);
  });

  test("sign out everywhere ends every session", async ({ browser }) => {
    const email = uniqueEmail("everywhere");
    cli(["users", "create", "--email", email], `${STRONG_PASSWORD}\n`);
    const a = await (await browser.newContext()).newPage();
    const b = await (await browser.newContext()).newPage();
    for (const page of [a, b]) {
      await signIn(page, email, STRONG_PASSWORD);
      await expectSignedIn(page, email);
    }
    await a.goto("/account");
    await a.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(a).toHaveURL(/\/login/);
    await b.goto("/");
    await expect(b).toHaveURL(/\/login/);
  });
});

test.describe("audit log", () => {
  test.use({ storageState: ACCOUNTS.admin.state });

  test("records a change with before and after values, shown in the log and as the record's history", async ({ page }) => {
    const tag = uniqueTag("Audited");
    const id = await createItem(page, { name: `${tag} one`, price: "5.00" });
    await page.goto(`/admin/items/${id}/edit`);
    await page.getByLabel("Price").fill("7.25");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page).toHaveURL(`/admin/items/${id}?notice=updated`);

    const entries = queryDb<{ action: string; actor_email: string; changes: string }>("select action, actor_email, changes from audit_log where resource = 'items' and record_id = ? order by id", String(id));
    expect(entries.map((e) => e.action)).toEqual(["create", "update"]);
    expect(entries[1]!.actor_email).toBe(ACCOUNTS.admin.email);
    expect(JSON.parse(entries[1]!.changes)).toEqual({ price: { before: 500, after: 725 } });

    const history = page.getByRole("region", { name: "History" });
    await expect(history.getByRole("listitem")).toHaveCount(2);
    await expect(history.getByRole("listitem").first()).toContainText("Changed price from $5.00 to $7.25.");

    await page.goto(`/admin/audit?resource=items&action=update&q=${encodeURIComponent(String(id))}`);
    await expect(page.getByRole("cell", { name: String(id), exact: true }).first()).toBeVisible();
  });

  test("never records a password or hash", async ({ page }) => {
    const email = uniqueEmail("secret");
    await page.goto("/admin/users/new");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(STRONG_PASSWORD);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page).toHaveURL(/notice=created/);
    const rows = queryDb<{ changes: string | null }>("select changes from audit_log where resource = 'users' and record_id = (select id from users where email = ?)", email);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.changes ?? "").not.toMatch(/Correct-Horse|\$2[aby]\$/);
  });

  test("records failed and successful sign-ins and CLI changes", async ({ browser }) => {
    const email = uniqueEmail("logged");
    cli(["users", "create", "--email", email], `${STRONG_PASSWORD}\n`);
    const page = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
    await signIn(page, email, "wrong-password");
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Invalid email or password.");
    await signIn(page, email, STRONG_PASSWORD);
    await expectSignedIn(page, email);
    const actions = queryDb<{ action: string; actor_email: string }>("select action, actor_email from audit_log where actor_email = ? or (record_id = (select id from users where email = ?)) order by id", email, email);
    expect(actions.map((a) => a.action)).toEqual(["create", "sign-in-failed", "sign-in"]);
    const cliEntry = queryDb<{ actor_email: string }>("select actor_email from audit_log where action = 'create' and record_id = (select id from users where email = ?)", email)[0];
    expect(cliEntry?.actor_email).toMatch(/^cli:/);
  });
});

test("end-users and editors cannot read the audit log", async ({ browser }) => {
  for (const state of [ACCOUNTS.endUser.state, ACCOUNTS.editor.state]) {
    const context = await browser.newContext({ storageState: state });
    expect((await context.request.get("/admin/audit")).status()).toBe(403);
    expect((await context.request.get("/admin/audit/export")).status()).toBe(403);
    await context.close();
  }
});

test("nobody can create or edit audit entries, admins included", async ({ browser }) => {
  const context = await browser.newContext({ storageState: ACCOUNTS.admin.state });
  expect((await context.request.get("/admin/audit")).status()).toBe(200);
  expect((await context.request.get("/admin/audit/new")).status()).toBe(404);
  expect((await context.request.get("/admin/audit/1/edit")).status()).toBe(404);
  await context.close();
});
