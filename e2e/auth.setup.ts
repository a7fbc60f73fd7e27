import { test as setup } from "@playwright/test";
import { ACCOUNTS, PASSWORD } from "./support/accounts";
import { expectSignedIn, signIn } from "./support/session";

for (const [role, account] of Object.entries(ACCOUNTS)) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, account.email, PASSWORD);
    await page.waitForURL("/admin");
    await expectSignedIn(page, account.email);
    await page.context().storageState({ path: account.state });
  });
}
