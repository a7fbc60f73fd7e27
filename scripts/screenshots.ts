// npx tsx scripts/screenshots.ts [base URL] — the README's screenshots, taken
// from a running panel with the demo data (npm run dev, or next start on a
// seeded database): a user's page with their items, the items list with a
// price being edited in place, the filter sidebar with counts, the items list
// on a phone (light and dark), and then (that edit saved) the admin index.
// Writes docs/screenshots/*.png.
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const base = process.argv[2] ?? "http://localhost:3000";
const out = "docs/screenshots";
// Playwright's own Chromium where installed, else PLAYWRIGHT_CHROMIUM_PATH, else Debian's.
const own = existsSync(chromium.executablePath());
const executablePath = own ? undefined : process.env.PLAYWRIGHT_CHROMIUM_PATH || "/usr/bin/chromium";

const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
const page = await browser.newPage({ baseURL: base, viewport: { width: 1280, height: 860 }, colorScheme: "light" });
await page.goto("/login");
await page.getByLabel("Email").fill("admin@example.com");
await page.getByLabel("Password").fill("password");
await page.getByRole("button", { name: "Sign in" }).click();
await page.waitForURL(`${base}/admin`);


await page.goto("/admin/users?q=contributor");
await page.getByRole("link", { name: "contributor@example.com" }).first().click();
await page.getByRole("region", { name: "Owned items" }).waitFor();
await page.screenshot({ path: `${out}/related-records.png`, fullPage: true });

await page.goto("/admin/items");
const cell = page.getByRole("button", { name: /^Edit price of / }).first();
await cell.click();
await page.getByRole("textbox", { name: /^Price of / }).fill("12.50");
await page.screenshot({ path: `${out}/inline-edit.png`, clip: { x: 0, y: 0, width: 1280, height: 860 } });
// Saved, so that the index's recent actions show a change.
await page.keyboard.press("Enter");
await page.getByRole("button", { name: /^Edit price of / }).first().waitFor();

await page.goto("/admin/items?facets=1&category=tools");
await page.locator(".filter-sidebar").waitFor();
await page.screenshot({ path: `${out}/filter-sidebar.png`, clip: { x: 0, y: 0, width: 1280, height: 860 } });

// A phone, with the session of the page above: the list scrolls in its own box.
for (const scheme of ["light", "dark"] as const) {
  const phone = await browser.newPage({ baseURL: base, viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, colorScheme: scheme, storageState: await page.context().storageState() });
  await phone.goto("/admin/items");
  await phone.screenshot({ path: `${out}/phone-list-${scheme}.png` });
  await phone.close();
}

await page.goto("/admin");
await page.screenshot({ path: `${out}/admin-index.png`, fullPage: true });

await browser.close();
console.log(`Wrote ${out}/: admin-index, related-records, inline-edit, filter-sidebar, phone-list-light and phone-list-dark (.png)`);
