import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { cli, STRONG_PASSWORD, uniqueEmail } from "./support/cli";
import { execDb, queryDb } from "./support/db";
import { uniqueTag } from "./support/items";

/**
 * The panel's language: the user's choice on /account, else the browser's
 * Accept-Language, else DEFAULT_LOCALE (en). No locale in the URL.
 */

async function expectAccessibleInBothSchemes(page: Page) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).analyze();
    const found = results.violations.filter((v) => ["serious", "critical"].includes(v.impact ?? "")).flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
    expect(found, `${colorScheme}:\n${found.join("\n")}`).toEqual([]);
  }
}

async function signInAs(page: Page, email: string, labels = { email: "Email", password: "Password", submit: "Sign in" }) {
  await page.goto("/login");
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password).fill(STRONG_PASSWORD);
  await page.getByRole("button", { name: labels.submit }).click();
  await page.waitForURL("/admin");
}

const GERMAN = { email: "E-Mail-Adresse", password: "Passwort", submit: "Anmelden" };
const storedLocale = (email: string) => queryDb<{ locale: string | null }>("select locale from users where email = ?", email)[0]?.locale ?? null;

async function chooseLanguage(page: Page, section: string, option: string, save: string) {
  const region = page.getByRole("region", { name: section });
  await region.getByRole("combobox").selectOption({ label: option });
  await region.getByRole("button", { name: save }).click();
  await page.waitForURL("/account?notice=language");
}

test.describe("a browser asking for German", () => {
  // The browser's locale sets its Accept-Language: de-AT,de;q=0.9.
  test.use({ storageState: { cookies: [], origins: [] }, locale: "de-AT" });

  test("gets the sign-in page in German, and a German failed sign-in", async ({ page }) => {
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page).toHaveTitle("Anmelden · Gatehouse");
    await expect(page.getByRole("main")).toContainText("Melden Sie sich an, um fortzufahren");
    await page.getByLabel(GERMAN.email).fill(ACCOUNTS.admin.email);
    await page.getByLabel(GERMAN.password).fill("wrong-password");
    await page.getByRole("button", { name: GERMAN.submit }).click();
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("E-Mail-Adresse oder Passwort ist falsch.");
    await expect(page.getByLabel(GERMAN.email)).toHaveValue(ACCOUNTS.admin.email);
    await expectAccessibleInBothSchemes(page);
  });

  test("is sent only the messages the sign-in form needs", async ({ request }) => {
    const html = await (await request.get("/login", { headers: { "Accept-Language": "de" } })).text();
    expect(html).toContain("Anmeldung läuft…");
    for (const elsewhere of ["Von Gatehouse abmelden?", "Ihre Sprache wurde gespeichert.", "Zwei-Faktor-Authentifizierung"]) expect(html).not.toContain(elsewhere);
  });
});

test.describe("a signed-in user with no choice stored, whose browser asks for German", () => {
  test.use({ storageState: ACCOUNTS.endUser.state, locale: "de-DE" });

  test("gets the error pages in German", async ({ page }) => {
    test.slow(); // several page loads and axe passes on a busy machine
    const missing = await page.goto("/no-such-page");
    expect(missing?.status()).toBe(404);
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page).toHaveTitle("Nicht gefunden · Gatehouse");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nicht gefunden");
    await expect(page.getByRole("link", { name: "Zurück zur Verwaltungsübersicht" })).toHaveAttribute("href", "/admin");
    await expectAccessibleInBothSchemes(page);
    const denied = await page.goto("/admin/users");
    expect(denied?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Zugriff verweigert");
    await expect(page.getByRole("main")).toContainText("Sie haben keine Berechtigung, diese Seite anzuzeigen.");
    await expectAccessibleInBothSchemes(page);
  });
});

test("a browser asking for nothing we serve gets English, exactly as before", async ({ browser }) => {
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByLabel("Email")).toBeVisible();
  await expect(page.getByLabel("Password")).toBeVisible();
  await page.getByLabel("Email").fill("nobody@example.com");
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Invalid email or password.");
  await context.close();
});

test("the pseudo-locale brackets every message (served in tests only)", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-XA" });
  const page = await context.newPage();
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "en-XA");
  await expect(page.getByRole("button", { name: "［Šígñ íñ］" })).toBeVisible();
  await expect(page.getByLabel("［Émáíl］")).toBeVisible();
  await context.close();
});

test("a user's chosen language applies from the next request on, and switching back works", async ({ page }) => {
  test.slow(); // several page loads and axe passes on a busy machine
  const email = uniqueEmail("sprache");
  cli(["users", "create", "--email", email], `${STRONG_PASSWORD}\n`);
  await signInAs(page, email);
  await page.goto("/account");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("region", { name: "Language" }).getByRole("combobox", { name: "Language" })).toHaveValue("");

  await chooseLanguage(page, "Language", "Deutsch", "Save");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  const section = page.getByRole("region", { name: "Sprache" });
  await expect(section.getByRole("status")).toHaveText("Ihre Sprache wurde gespeichert.");
  await expect(section.getByRole("combobox", { name: "Sprache" })).toHaveValue("de");
  await expect(section.getByRole("button", { name: "Speichern" })).toBeVisible();
  await expect.poll(() => storedLocale(email)).toBe("de");
  const audit = queryDb<{ action: string; actor_email: string }>("select action, actor_email from audit_log where action = 'locale-change' and record_id = (select id from users where email = ?)", email);
  expect(audit).toEqual([{ action: "locale-change", actor_email: email }]);
  await expectAccessibleInBothSchemes(page);

  const res = await page.goto("/admin/no-such-resource");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nicht gefunden");
  await expect(page.getByRole("main")).toContainText("Unter dieser Adresse gibt es nichts.");
  await expect(page.getByRole("link", { name: "Zurück zur Verwaltungsübersicht" })).toHaveAttribute("href", "/admin");
  await expectAccessibleInBothSchemes(page);
  const denied = await page.goto("/admin/users");
  expect(denied?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Zugriff verweigert");
  await page.goto("/logout");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Von Gatehouse abmelden?");
  await expect(page.getByRole("main")).toContainText(`Sie sind als ${email} angemeldet.`);

  await page.goto("/account");
  await chooseLanguage(page, "Sprache", "English", "Speichern");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("region", { name: "Language" }).getByRole("status")).toHaveText("Your language was saved.");
  await expect.poll(() => storedLocale(email)).toBe("en");

  await chooseLanguage(page, "Language", "Browser default", "Save");
  await expect.poll(() => storedLocale(email)).toBeNull();
  await expect(page.getByRole("combobox", { name: "Language" })).toHaveValue("");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("the user's choice wins over the browser's language", async ({ browser }) => {
  test.slow(); // several page loads and axe passes on a busy machine
  const email = uniqueEmail("choice");
  cli(["users", "create", "--email", email], `${STRONG_PASSWORD}\n`);
  const context = await browser.newContext({ locale: "de-DE" });
  const page = await context.newPage();
  await signInAs(page, email, GERMAN);
  await page.goto("/account");
  await chooseLanguage(page, "Sprache", "English", "Speichern");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("region", { name: "Language" })).toBeVisible();
  await context.close();
});

test("a forged language is refused and nothing is written", async ({ page }) => {
  test.slow(); // several page loads and axe passes on a busy machine
  const email = uniqueEmail("forged");
  cli(["users", "create", "--email", email], `${STRONG_PASSWORD}\n`);
  await signInAs(page, email);
  await page.goto("/account");
  const select = page.getByRole("combobox", { name: "Language" });
  await select.evaluate((el) => ((el as HTMLSelectElement).options[1]!.value = "xx-EVIL"));
  await select.selectOption({ index: 1 });
  await page.getByRole("region", { name: "Language" }).getByRole("button", { name: "Save" }).click();
  await page.waitForLoadState("networkidle");
  expect(storedLocale(email)).toBeNull();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test.describe("list in German", () => {
  // The demo admin has no language stored: the browser's German decides.
  test.use({ storageState: ACCOUNTS.admin.state, locale: "de-DE" });

  /** An item written straight to the database (a copy of the first demo item's dates and category). */
  const item = (name: string, cents: number, inStock: boolean) =>
    execDb("insert into items (name, category, price_cents, in_stock, created_at, updated_at) select ?, category, ?, ?, created_at, updated_at from items where id = 1", name, cents, inStock ? 1 : 0);

  test("shows the items list in German words and German numbers, and exports a German CSV", async ({ page }) => {
    expect(queryDb<{ locale: string | null }>("select locale from users where email = ?", ACCOUNTS.admin.email)[0]?.locale ?? null).toBeNull();
    const tag = uniqueTag("Liste");
    item(`${tag} a`, 123456, true);
    item(`${tag} b`, 99, false);
    await page.goto(`/admin/items?q=${tag}&sort=name`);
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("button", { name: "Suchen", exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "CSV exportieren" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Aktive Filter" }).getByRole("link", { name: `Suche ${tag} entfernen` })).toBeVisible();
    // On a wide screen the filters are a sidebar; the same markup is a "Filter" disclosure on a phone.
    await expect(page.locator("details.filter-panel > summary")).toHaveText("Filter");
    await expect(page.getByRole("navigation", { name: "Filter" }).getByRole("link", { name: "Anzahl zeigen" })).toBeVisible();
    await expect(page.getByTestId("range")).toHaveText("Zeilen 1–2 von 2");
    await expect(page.getByRole("group", { name: "Zeilen pro Seite" })).toContainText("Pro Seite:");
    await expect(page.getByRole("checkbox", { name: "Alle Zeilen dieser Seite auswählen" })).toBeVisible();

    // German numbers: a thousands dot and a decimal comma; Ja/Nein for booleans.
    const rows = page.getByRole("table").locator("tbody tr");
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText(/1\.234,56\s\$/);
    await expect(rows.nth(0)).toContainText("Ja");
    await expect(rows.nth(1)).toContainText(/0,99\s\$/);
    await expect(rows.nth(1)).toContainText("Nein");
    // The data stays as it is, and is marked as not to be translated.
    await expect(rows.nth(0).locator('[translate="no"]').filter({ hasText: `${tag} a` })).toHaveCount(1);

    // The CSV: headers are the columns the German list names, booleans Ja/Nein.
    const heads = (await page.getByRole("table").locator("thead th").evaluateAll((ths) => ths.map((th) => (th.querySelector("a")?.childNodes[0]?.textContent ?? th.textContent ?? "").trim()))).filter(Boolean);
    // Downloaded as a user does, so the request carries the browser's language.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSV exportieren" }).click()]);
    const csv = fs.readFileSync((await download.path())!, "utf8");
    const [head, ...lines] = csv.split("\r\n").filter(Boolean).map((l) => l.split(","));
    for (const label of heads) expect(head).toContain(label);
    expect(lines).toHaveLength(2);
    const booleans = lines.map((l) => l.filter((c) => ["Ja", "Nein", "Yes", "No"].includes(c)));
    expect(booleans).toEqual([["Ja"], ["Nein"]]);
  });

  test("says an empty search in German, with the search term as it was typed", async ({ page }) => {
    const tag = uniqueTag("Nichts");
    await page.goto(`/admin/items?q=${tag}`);
    // The noun is the resource's own (German once the resource's words are in the catalogue).
    const said = page.getByText(new RegExp(`^Keine \\S+ passen zu „${tag}“\\.$`));
    await expect(said).toBeVisible();
    await expect(said.locator('[translate="no"]')).toHaveText(tag);
    await expect(page.getByRole("link", { name: "Suche und Filter zurücksetzen" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Seitennavigation" })).toHaveCount(0);
  });
});
