import { expect, test } from "@playwright/test";
import { ACCOUNTS, PASSWORD } from "./support/accounts";
import { cli, STRONG_PASSWORD, uniqueEmail } from "./support/cli";
import { expectSignedIn, signIn } from "./support/session";

test("admin signs in and lands on the page it asked for", async ({ page }) => {
  await page.goto("/admin/items");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await page.getByLabel("Email").fill("  Admin@Example.com ");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL("/admin/items");
  await expectSignedIn(page, "admin@example.com");
});

test("wrong password, unknown email and an inactive account get the same answer", async ({ page }) => {
  const inactive = uniqueEmail("inactive");
  cli(["users", "create", "--email", inactive, "--inactive"], `${STRONG_PASSWORD}\n`);
  for (const [email, password] of [
    [ACCOUNTS.admin.email, "wrong-password"],
    ["nobody@example.com", PASSWORD],
    [inactive, STRONG_PASSWORD],
  ] as const) {
    await signIn(page, email, password);
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Invalid email or password.");
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByLabel("Email")).toHaveValue(email);
    expect((await page.request.get("/api/auth/session")).ok()).toBe(true);
    expect(await (await page.request.get("/api/auth/session")).json()).toBeNull();
  }
});

for (const evil of ["https://evil.example", "//evil.example", "/\\evil.example", "https://localhost@evil.example", "javascript:alert(1)"]) {
  test(`callbackUrl=${evil} stays on site`, async ({ page, baseURL }) => {
    await signIn(page, ACCOUNTS.endUser.email, PASSWORD, `/login?callbackUrl=${encodeURIComponent(evil)}`);
    await page.waitForURL((url) => url.pathname === "/admin");
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    await expectSignedIn(page, ACCOUNTS.endUser.email);
  });
}

test("logout: GET shows a Sign out button, the POST ends the session", async ({ page }) => {
  await signIn(page, ACCOUNTS.editor.email, PASSWORD);
  await expectSignedIn(page, ACCOUNTS.editor.email);
  await page.goto("/logout");
  await page.getByRole("main").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/admin/items");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Fitems/);
});

test("the header shows the user and a Sign out button on every signed-in page", async ({ page }) => {
  await signIn(page, ACCOUNTS.admin.email, PASSWORD);
  await expectSignedIn(page, ACCOUNTS.admin.email);
  for (const path of ["/", "/admin", "/admin/items"]) {
    await page.goto(path);
    await expect(page.getByRole("banner").getByText(ACCOUNTS.admin.email)).toBeVisible();
    await expect(page.getByRole("banner").getByRole("button", { name: "Sign out" })).toBeVisible();
  }
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
});
