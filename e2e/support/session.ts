import { expect, type Page } from "@playwright/test";

/** Signs in through the login form, as a user would. */
export async function signIn(page: Page, email: string, password: string, path = "/login") {
  await page.goto(path);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

export async function expectSignedIn(page: Page, email: string) {
  await expect(page.getByTestId("current-user")).toContainText(email);
}
