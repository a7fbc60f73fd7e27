import { expect, test } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { cli, STRONG_PASSWORD } from "./support/cli";
import { queryDb } from "./support/db";
import { expectSignedIn, signIn } from "./support/session";

// Runs after every other test: it may leave the demo admin deactivated.

const activeAdmins = () =>
  queryDb<{ email: string }>(
    "select u.email from users u join user_roles ur on ur.user_id = u.id join roles r on r.id = ur.role_id where r.name = 'admin' and u.active = true",
  ).map((r) => r.email);

test("two admins demoting each other at once leave one active admin", async ({ browser }) => {
  const second = "second-admin@example.test";
  cli(["users", "create", "--email", second, "--role", "admin"], `${STRONG_PASSWORD}\n`);
  expect(activeAdmins().sort()).toEqual([ACCOUNTS.admin.email, second].sort());

  const first = await browser.newContext({ storageState: ACCOUNTS.admin.state });
  const other = await browser.newContext();
  const pageA = await first.newPage();
  const pageB = await other.newPage();
  await signIn(pageB, second, STRONG_PASSWORD);
  await expectSignedIn(pageB, second);

  const id = (email: string) => queryDb<{ id: string }>("select id from users where email = ?", email)[0]!.id;
  await pageA.goto(`/admin/users/${id(second)}/edit`);
  await pageB.goto(`/admin/users/${id(ACCOUNTS.admin.email)}/edit`);
  await pageA.getByLabel("Active").uncheck();
  await pageB.getByLabel("Active").uncheck();
  await Promise.all([pageA.getByRole("button", { name: "Save", exact: true }).click(), pageB.getByRole("button", { name: "Save", exact: true }).click()]);

  await expect.poll(() => activeAdmins().length, { timeout: 15_000 }).toBe(1);
  await pageA.waitForLoadState();
  await pageB.waitForLoadState();
  expect(activeAdmins()).toHaveLength(1);
  await first.close();
  await other.close();
});
