import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, PASSWORD, type Account } from "./support/accounts";
import { expectSignedIn, signIn } from "./support/session";
import { atCodeStep, enrolledUser, enterNextCode, submitCode } from "./support/two-factor";

/** Keyboard: a skip link first on every page, and focus where the user needs it on sign-in. */

const ANONYMOUS = { cookies: [], origins: [] };
const active = (page: Page) => page.evaluate(() => ({ tag: document.activeElement?.tagName.toLowerCase(), id: document.activeElement?.id, text: document.activeElement?.textContent?.trim() }));

async function expectSkipLinkWorks(page: Page) {
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await expect(skip).toBeInViewport({ ratio: 1 });
  await skip.press("Enter");
  await expect(page.locator("main#content")).toBeFocused();
  // The next Tab stop lies inside the content, past the header and navigation.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.querySelector("main#content")!.contains(document.activeElement))).toBe(true);
}

const SIGNED_IN: [Account, string][] = [
  ["admin", "/admin"],
  ["admin", "/admin/items"],
  ["admin", "/account"],
  ["admin", "/"],
  ["admin", "/admin/items/999999999"],
  ["endUser", "/admin/users"],
];

for (const [who, path] of SIGNED_IN) {
  test.describe(`${who} on ${path}`, () => {
    test.use({ storageState: ACCOUNTS[who].state });
    test("the first Tab stop is “Skip to content”, which moves focus to the main content", async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("link", { name: "Skip to content" })).not.toBeInViewport();
      await page.keyboard.press("Tab");
      await expectSkipLinkWorks(page);
    });
  });
}

test.describe("the sign-in page", () => {
  test.use({ storageState: ANONYMOUS });

  test("focuses Email on load; the only Tab stop before it is “Skip to content”", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByLabel("Email")).toBeFocused();
    await page.keyboard.press("Shift+Tab");
    await expectSkipLinkWorks(page);
  });

  test("after a wrong password, focus is on Email (which names the error), not the page body; the error is announced", async ({ page }) => {
    await signIn(page, ACCOUNTS.editor.email, "wrong-password");
    const alert = page.getByRole("alert").filter({ hasText: /\S/ });
    await expect(alert).toHaveText("Invalid email or password.");
    const email = page.getByLabel("Email");
    await expect(email).toBeFocused();
    expect((await active(page)).tag).not.toBe("body");
    await expect(email).toHaveAccessibleDescription("Invalid email or password.");
    // Typing goes on from there: the password again, and in.
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Password")).toBeFocused();
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press("Enter");
    await page.waitForURL("/admin");
    await expectSignedIn(page, ACCOUNTS.editor.email);
  });
});

test("the two-factor step focuses the code field on load and again after a wrong code", async ({ browser }) => {
  // Enrolment spends the current code: the second sign-in step waits for the next one (up to 30 s).
  test.slow();
  const { email, auth } = await enrolledUser(browser, "kbd-2fa");
  const { context, page } = await atCodeStep(browser, email);
  const code = page.getByLabel("Authentication code");
  await expect(code).toBeFocused();
  await submitCode(page, "000000");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("not correct");
  await expect(code).toBeFocused();
  // No callbackUrl: the second step lands on the admin index too.
  await enterNextCode(page, auth);
  await page.waitForURL("/admin");
  await expectSignedIn(page, email);
  await context.close();
});

test.describe("where a sign-in lands", () => {
  test.use({ storageState: ANONYMOUS });

  for (const who of ["admin", "editor", "contributor", "endUser"] as const) {
    test(`${who}, with no page asked for, lands on the admin index`, async ({ page }) => {
      await signIn(page, ACCOUNTS[who].email, PASSWORD);
      await page.waitForURL("/admin");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectSignedIn(page, ACCOUNTS[who].email);
    });
  }

  test("a page asked for still wins, the home page included, and the home page says who you are", async ({ page }) => {
    await signIn(page, ACCOUNTS.contributor.email, PASSWORD, `/login?callbackUrl=${encodeURIComponent("/")}`);
    await page.waitForURL("/");
    await expect(page.getByTestId("roles")).toHaveText("contributor");
    await page.getByRole("link", { name: "Go to the admin panel" }).click();
    await expect(page).toHaveURL("/admin");
  });

  test("a signed-in user opening /login goes to the admin index, or to the page asked for", async ({ page }) => {
    await signIn(page, ACCOUNTS.contributor.email, PASSWORD);
    await page.waitForURL("/admin");
    await page.goto("/login");
    await expect(page).toHaveURL("/admin");
    await page.goto(`/login?callbackUrl=${encodeURIComponent("/account")}`);
    await expect(page).toHaveURL("/account");
  });
});
