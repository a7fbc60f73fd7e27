import { expect, test } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { cli, uniqueEmail } from "./support/cli";
import { execDb, queryDb } from "./support/db";
import { mailsTo } from "./support/mail";
import { choosePassword, freshBrowser, LINK_INVALID, mailedLink, NEW_PASSWORD } from "./support/mail-flows";
import { expectSignedIn, signIn } from "./support/session";
import { userId } from "./support/two-factor";

const userRow = (email: string) => queryDb<{ password_hash: string | null; active: number | boolean; confirmed_at: unknown }>("select password_hash, active, confirmed_at from users where email = ?", email)[0]!;

test("invited from the CLI: no sign-in before the password is set, then the link sets it once and signs in", async ({ browser }) => {
  const email = uniqueEmail("invited");
  expect(cli(["users", "invite", email, "--role", "editor"])).toContain(`Invited ${email}`);
  expect(userRow(email).password_hash).toBeNull();
  const link = await mailedLink(email, "/invitation");
  expect((await mailsTo(email))[0]!.subject).toBe("You are invited to Gatehouse");
  expect(cli(["users", "invitations"])).toContain(email);

  const { page } = await freshBrowser(browser);
  // Without a password the account cannot sign in, whatever is typed.
  for (const attempt of ["", "password"]) {
    await signIn(page, email, attempt);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Invalid email or password.");
  }
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Welcome to Gatehouse" })).toBeVisible();
  await choosePassword(page, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/login\?notice=password-set/);
  await signIn(page, email, NEW_PASSWORD);
  await expectSignedIn(page, email);
  expect(userRow(email).confirmed_at).not.toBeNull();
  expect(cli(["users", "invitations"])).not.toContain(email);
  await page.goto(link);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(LINK_INVALID);
  const actions = queryDb<{ action: string }>("select action from audit_log where record_id = ? order by id", userId(email)).map((r) => r.action);
  expect(actions).toEqual(expect.arrayContaining(["invite", "invitation-accept"]));
});

test("an admin invites from the users list, sends again (the old link stops working) and revokes", async ({ browser }) => {
  const email = uniqueEmail("panel-invite");
  const context = await browser.newContext({ storageState: ACCOUNTS.admin.state });
  const page = await context.newPage();
  await page.goto("/admin/users");
  await page.getByText("Invite", { exact: true }).click();
  await page.getByLabel("Email", { exact: true }).fill("not an address");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.locator("#invite-email-error")).toHaveText("Enter a valid email address.");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Invitation sent to ${email}.` })).toBeVisible();
  const first = await mailedLink(email, "/invitation", 1);

  const pending = page.getByRole("region", { name: "Pending invitations" });
  await expect(pending.getByRole("cell", { name: email, exact: true })).toBeVisible();
  await pending.getByRole("button", { name: `Send the invitation to ${email} again` }).click();
  const second = await mailedLink(email, "/invitation", 2);
  const visitor = await freshBrowser(browser);
  await visitor.page.goto(first);
  await expect(visitor.page.getByRole("main").getByRole("alert")).toHaveText(LINK_INVALID);
  await visitor.page.goto(second);
  await expect(visitor.page.getByLabel("New password", { exact: true })).toBeVisible();

  await pending.getByRole("button", { name: `Revoke the invitation for ${email}` }).click();
  await expect(page.getByRole("region", { name: "Pending invitations" }).getByRole("cell", { name: email, exact: true })).toHaveCount(0);
  // The form opened before the revocation is refused too.
  await choosePassword(visitor.page, NEW_PASSWORD);
  await expect(visitor.page.getByRole("main").getByRole("alert")).toHaveText(LINK_INVALID);
  expect(userRow(email).password_hash).toBeNull();
  expect(Boolean(userRow(email).active)).toBe(false);
  await context.close();
});

test("an expired invitation is refused and shows as expired until sent again", async ({ browser }) => {
  const email = uniqueEmail("invite-expired");
  cli(["users", "invite", email]);
  const link = await mailedLink(email, "/invitation");
  execDb("update mail_tokens set expires_at = created_at where user_id = ?", userId(email));
  const { page } = await freshBrowser(browser);
  await page.goto(link);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(LINK_INVALID);
  expect(cli(["users", "invitations"])).toContain(`${email}\tlink expired`);
  cli(["users", "resend-invite", email]);
  await page.goto(await mailedLink(email, "/invitation", 2));
  await choosePassword(page, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/login\?notice=password-set/);
});

test("revoking or resending for an account that is not pending is refused", () => {
  for (const command of ["revoke-invite", "resend-invite"]) {
    expect(() => cli(["users", command, ACCOUNTS.endUser.email])).toThrow(/not waiting for an invitation/);
  }
  expect(Boolean(userRow(ACCOUNTS.endUser.email).active)).toBe(true);
});
