import fs from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { expectNoSeriousViolations } from "./support/axe";
import { cli, STRONG_PASSWORD, uniqueEmail } from "./support/cli";
import { createItem, detail, uniqueTag } from "./support/items";
import { execDb, queryDb } from "./support/db";

/**
 * The panel's language: the user's choice on /account, else the browser's
 * Accept-Language, else DEFAULT_LOCALE (en). No locale in the URL.
 */

async function expectAccessibleInBothSchemes(page: Page) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoSeriousViolations(page, colorScheme);
  }
}

async function signInAs(page: Page, email: string, labels = { email: "Email", password: "Password", submit: "Sign in" }) {
  await page.goto("/login");
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password).fill(STRONG_PASSWORD);
  await page.getByRole("button", { name: labels.submit, exact: true }).click();
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
    await page.getByRole("button", { name: GERMAN.submit, exact: true }).click();
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
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
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

test.describe("record pages in German", () => {
  // The admin has no language stored: the browser's German applies.
  test.use({ storageState: ACCOUNTS.admin.state, locale: "de-DE" });

  test("an admin edits an item in German: the form's words, a refused negative price next to the field, then the notice", async ({ page, browser }) => {
    test.slow(); // two browsers and several page loads on a busy machine
    const english = await browser.newContext({ storageState: ACCOUNTS.admin.state, locale: "en-US" });
    const name = uniqueTag("Artikel");
    const id = await createItem(await english.newPage(), { name, price: "2.00" });
    await english.close();

    await page.goto(`/admin/items/${id}/edit`);
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/ bearbeiten$/);
    // The record's title is data: linked in the breadcrumb, never translated.
    await expect(page.getByRole("navigation", { name: "Brotkrümelnavigation" }).getByRole("link", { name })).toHaveAttribute("translate", "no");
    await expect(page.getByRole("button", { name: "Speichern", exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Speichern und weiteren hinzufügen" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Speichern und weiter bearbeiten" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Abbrechen" })).toHaveAttribute("href", `/admin/items/${id}`);
    await expect(page.getByRole("link", { name: "Löschen" })).toHaveAttribute("href", `/admin/items/${id}/delete`);
    await expect(page.getByRole("combobox", { name: /Categor|Kategorie/ }).locator("option").first()).toHaveText("Auswählen…");

    const price = page.locator('input[name="price"]');
    await expect(price).toHaveAttribute("placeholder", "0,00");
    // The stored amount as a German writes it, as the placeholder shows.
    await expect(price).toHaveValue("2,00");
    await price.fill("-3");
    await page.getByRole("button", { name: "Speichern", exact: true }).click();
    await expect(price).toHaveAttribute("aria-invalid", "true");
    await expect(price).toBeFocused();
    await expect(page.locator("#price-error")).toHaveText(/\S/);
    await expect(price).toHaveAttribute("aria-describedby", /price-error/);
    expect(queryDb<{ price_cents: number }>("select price_cents from items where id = ?", id)[0]?.price_cents).toBe(200);

    await price.fill("4.00");
    await page.getByRole("button", { name: "Speichern und weiter bearbeiten" }).click();
    await page.waitForURL(`/admin/items/${id}/edit?notice=updated`);
    await expect(page.getByRole("status")).toContainText(name);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/ bearbeiten$/);
    expect(queryDb<{ price_cents: number }>("select price_cents from items where id = ?", id)[0]?.price_cents).toBe(400);
    // The notice names the record as data, never translated.
    await expect(page.getByRole("status").locator('[translate="no"]')).toHaveText(name);

    // A German amount: the comma is the decimal mark, so "4,50" is 4.50, not 450.
    await page.locator('input[name="price"]').fill("4,50");
    await page.getByRole("button", { name: "Speichern und weiter bearbeiten" }).click();
    await expect.poll(() => queryDb<{ price_cents: number }>("select price_cents from items where id = ?", id)[0]?.price_cents).toBe(450);
    await expect(page.getByRole("status")).toContainText(name);
    await expect(page.locator('input[name="price"]')).toHaveValue("4,50");

    // Its delete page: the question, what else changes, and the form's buttons.
    await page.getByRole("link", { name: "Löschen" }).click();
    await page.waitForURL(`/admin/items/${id}/delete`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/ löschen$/);
    await expect(page.getByRole("main")).toContainText("Dies kann nicht rückgängig gemacht werden.");
    await expect(page.getByRole("main")).toContainText("Nichts anderes verweist darauf.");
    await expect(page.getByRole("link", { name: "Nein, zurück" })).toHaveAttribute("href", `/admin/items/${id}`);
    await page.getByRole("button", { name: "Ja, löschen" }).click();
    await page.waitForURL(/\/admin\/items\?notice=deleted/);
    expect(queryDb("select id from items where id = ?", id)).toEqual([]);
  });
});

test.describe("history in German", () => {
  // The admin has no language stored: the browser's German decides.
  test.use({ storageState: ACCOUNTS.admin.state });

  test("an item's history and the admin index read in German, values as data", async ({ page, browser }) => {
    test.slow(); // several page loads and axe passes on a busy machine
    const name = uniqueTag("Hobel");
    const renamed = `${name} groß`;
    const id = await createItem(page, { name, price: "19.99" });
    await page.goto(`/admin/items/${id}/edit`);
    await page.getByLabel("Price").fill("24.50");
    await page.getByLabel("Name").fill(renamed);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page).toHaveURL(`/admin/items/${id}?notice=updated`);

    const context = await browser.newContext({ storageState: ACCOUNTS.admin.state, locale: "de-DE" });
    const german = await context.newPage();
    await german.goto(`/admin/items/${id}`);
    await expect(german.locator("html")).toHaveAttribute("lang", "de");
    await expect(german.locator("html")).toHaveAttribute("dir", "ltr");
    const history = german.locator("section[aria-labelledby=history-heading]").getByRole("listitem");
    await expect(history).toHaveCount(2);
    // Field labels and the noun come from the resources' words; the sentence's order and values are German.
    await expect(history.nth(0).getByRole("link")).toHaveText(/^\S+ von 19,99\s\$ auf 24,50\s\$ und \S+ geändert\.$/);
    await expect(history.nth(1).getByRole("link")).toHaveText(new RegExp(`^\\S+ „${renamed}“ erstellt\\.$`));
    await expect(german.getByRole("navigation", { name: "Bereiche" }).getByRole("link", { name: "Übersicht" })).toHaveAttribute("href", "/admin");
    await expect(german.getByRole("button", { name: "Abmelden" })).toBeVisible();
    await expect(german.getByTestId("current-user")).toHaveAttribute("translate", "no");

    await german.goto("/admin");
    await expect(german).toHaveTitle("Verwaltung · Gatehouse");
    await expect(german.getByRole("heading", { level: 1 })).toHaveText("Verwaltung");
    // Other tests act as the admin too: this item's change, wherever it is in the list.
    const mine = german.getByRole("region", { name: "Letzte Aktionen", exact: true }).getByRole("listitem").filter({ hasText: `„${renamed}“ geändert.` });
    await expect(mine.getByRole("paragraph").first()).toHaveText(new RegExp(`^\\S+ „${renamed}“ geändert\\.$`));
    await expect(mine.getByRole("link", { name: renamed })).toHaveAttribute("translate", "no");
    await expect(mine).toContainText(/von 19,99\s\$ auf 24,50\s\$/);
    await expect(mine.getByRole("link", { name: "Details" })).toBeVisible();
    await expect(german.getByRole("region", { name: "Letzte Aktionen aller Benutzer" }).getByText(ACCOUNTS.admin.email).first()).toHaveAttribute("translate", "no");
    await expect(german.getByRole("link", { name: "Zum Inhalt springen" })).toBeAttached();
    await expectAccessibleInBothSchemes(german);
    await context.close();
  });

  test("an audit entry's page and the audit log's Action and Resource columns read in German, stored values in the URL", async ({ page, browser }) => {
    test.slow(); // several page loads on a busy machine
    const name = uniqueTag("Feile");
    const id = await createItem(page, { name, price: "19.99" });
    await page.goto(`/admin/items/${id}/edit`);
    await page.getByLabel("Price").fill("24.50");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page).toHaveURL(`/admin/items/${id}?notice=updated`);
    const entryId = queryDb<{ id: number }>("select max(id) as id from audit_log where resource = 'items' and record_id = ? and action = 'update'", String(id))[0]!.id;
    const list = `/admin/audit?resource=items&action=update&q=${id}`;
    const rowOf = (p: Page) => p.getByRole("row").filter({ has: p.getByRole("cell", { name: String(id), exact: true }) }).first();

    // English: the action's label, not its stored value.
    await page.goto(list);
    await expect(rowOf(page).getByRole("cell", { name: "Changed", exact: true })).toBeVisible();
    await expect(rowOf(page).getByRole("cell", { name: "Items", exact: true })).toBeVisible();

    const context = await browser.newContext({ storageState: ACCOUNTS.admin.state, locale: "de-DE" });
    const german = await context.newPage();
    await german.goto(`/admin/audit/${entryId}`);
    await expect(german.getByRole("heading", { level: 1 })).toHaveText(`${ACCOUNTS.admin.email} hat Artikel „${name}“ geändert`);
    await expect(german.getByRole("heading", { level: 1 }).getByText(ACCOUNTS.admin.email)).toHaveAttribute("translate", "no");
    await expect(detail(german, "Aktion")).toHaveText("Geändert");
    await expect(detail(german, "Bereich")).toHaveText("Artikel");
    await expect(detail(german, "Eintrag").locator("[translate=no]")).toHaveText(String(id));
    const what = german.getByRole("region", { name: "Was geschah" });
    await expect(what).toContainText(/Preis von 19,99\s\$ auf 24,50\s\$ geändert\./);
    await expect(what.getByRole("columnheader")).toHaveText(["Feld", "Vorher", "Nachher"]);
    await expect(what.getByRole("row", { name: /Preis/ })).toHaveText(/Preis\s*19,99\s\$\s*24,50\s\$/);
    await expect(what.getByText("19,99", { exact: false }).first()).toHaveAttribute("translate", "no");

    await german.goto(list);
    await expect(german.getByRole("columnheader", { name: /Aktion/ })).toBeVisible();
    const row = rowOf(german);
    await expect(row.getByRole("cell", { name: "Geändert", exact: true })).toBeVisible();
    await expect(row.getByRole("cell", { name: "Artikel", exact: true })).toBeVisible();
    await expect(row.getByRole("cell", { name: String(id), exact: true })).toHaveAttribute("translate", "no");
    await expect(german).toHaveURL(/resource=items&action=update/);
    await context.close();
  });
});

test.describe("time zone", () => {
  // The browser is in New York (its tz cookie says so): the zone stored on /account wins over it.
  test.use({ storageState: { cookies: [], origins: [] }, timezoneId: "America/New_York" });

  const storedZone = (email: string) => queryDb<{ time_zone: string | null }>("select time_zone from users where email = ?", email)[0]?.time_zone ?? null;
  /** Tokyo is UTC+9 all year: what the page shows for an instant there, in English and in German. */
  const inTokyo = (iso: string) => new Date(Date.parse(iso) + 9 * 3_600_000).toISOString();
  const english = (iso: string) => `${inTokyo(iso).slice(0, 10)} ${inTokyo(iso).slice(11, 16)} GMT+9`;
  const german = (iso: string) => new Intl.DateTimeFormat("de", { timeZone: "Asia/Tokyo", year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" }).format(new Date(iso));

  async function expectTime(time: Locator, text: (iso: string) => string): Promise<string> {
    const iso = (await time.getAttribute("datetime"))!;
    expect(iso).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    await expect(time).toHaveAttribute("title", iso);
    await expect(time).toHaveText(text(iso));
    return iso;
  }

  async function chooseZone(page: Page, section: string, option: string, save: string) {
    const region = page.getByRole("region", { name: section });
    await region.getByRole("combobox").selectOption({ label: option });
    await region.getByRole("button", { name: save }).click();
    await page.waitForURL("/account?notice=time-zone");
  }

  test("a zone chosen on /account shows every time in it from the next request on, the UTC instant kept", async ({ page }) => {
    test.slow(); // several page loads on a busy machine
    const email = uniqueEmail("zeitzone");
    cli(["users", "create", "--email", email, "--role", "editor"], `${STRONG_PASSWORD}\n`);
    await signInAs(page, email);
    const name = uniqueTag("Zone");
    const id = await createItem(page, { name });
    await page.goto(`/admin/items/${id}`);
    // The browser's zone until the user chooses one: New York (EST or EDT).
    await expect(detail(page, "Created").locator("time")).toHaveText(/ E[SD]T$/);

    await page.goto("/account");
    await expect(page.getByRole("region", { name: "Time zone" }).getByRole("combobox", { name: "Time zone" })).toHaveValue("");
    await chooseZone(page, "Time zone", "Asia/Tokyo", "Save");
    const section = page.getByRole("region", { name: "Time zone" });
    await expect(section.getByRole("status")).toHaveText("Your time zone was saved.");
    await expect(section.getByRole("combobox", { name: "Time zone" })).toHaveValue("Asia/Tokyo");
    await expect.poll(() => storedZone(email)).toBe("Asia/Tokyo");
    const audit = queryDb<{ action: string; actor_email: string; summary: string }>("select action, actor_email, summary from audit_log where action = 'time-zone-change' and record_id = (select id from users where email = ?)", email);
    expect(audit).toEqual([{ action: "time-zone-change", actor_email: email, summary: "Asia/Tokyo" }]);
    await expectTime(page.locator("main time").first(), english);

    await page.goto(`/admin/items/${id}`);
    const detailed = await expectTime(detail(page, "Created").locator("time"), english);
    await page.goto(`/admin/items?q=${name}`);
    const listed = page.getByRole("table").locator("tbody time").first();
    await expect(listed).toHaveAttribute("datetime", detailed);
    await expectTime(listed, english);

    // In German, the same instant in the same zone, written the German way.
    await page.goto("/account");
    await chooseLanguage(page, "Language", "Deutsch", "Save");
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await page.goto(`/admin/items/${id}`);
    await expectTime(page.locator(`main time[datetime="${detailed}"]`).first(), german);

    await page.goto("/account");
    await chooseZone(page, "Zeitzone", "Browser-Standard", "Speichern");
    await expect.poll(() => storedZone(email)).toBeNull();
    await expect(page.getByRole("region", { name: "Zeitzone" }).getByRole("combobox", { name: "Zeitzone" })).toHaveValue("");
  });

  test("a forged zone is refused and nothing is written", async ({ page }) => {
    const email = uniqueEmail("zone-forged");
    cli(["users", "create", "--email", email], `${STRONG_PASSWORD}\n`);
    await signInAs(page, email);
    await page.goto("/account");
    const select = page.getByRole("combobox", { name: "Time zone" });
    await select.evaluate((el) => ((el as HTMLSelectElement).options[1]!.value = "Mars/Olympus"));
    await select.selectOption({ index: 1 });
    await page.getByRole("region", { name: "Time zone" }).getByRole("button", { name: "Save" }).click();
    await page.waitForLoadState("networkidle");
    expect(storedZone(email)).toBeNull();
  });
});

test.describe("account in German", () => {
  test("a user who chose German gets /account, its refusals and two-factor set-up in German, and English again on switching back", async ({ page }) => {
    test.slow(); // several page loads and password checks on a busy machine
    const email = uniqueEmail("konto");
    cli(["users", "create", "--email", email], `${STRONG_PASSWORD}\n`);
    await signInAs(page, email);
    await page.goto("/account");
    await chooseLanguage(page, "Language", "Deutsch", "Save");
    await expect(page).toHaveTitle("Konto · Gatehouse");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ihr Konto");
    await expect(page.getByRole("main").locator("dl").getByText(email, { exact: true })).toHaveAttribute("translate", "no");
    for (const section of ["Passwort ändern", "Zwei-Faktor-Authentifizierung", "Letzte Anmeldungen", "Sprache", "Sitzungen"]) await expect(page.getByRole("region", { name: section })).toBeVisible();
    await expect(page.getByRole("region", { name: "Zwei-Faktor-Authentifizierung" })).toContainText("Ausgeschaltet.");
    await expect(page.getByRole("button", { name: "Überall abmelden" })).toBeVisible();

    const password = page.getByRole("region", { name: "Passwort ändern" });
    await password.getByLabel("Aktuelles Passwort").fill(STRONG_PASSWORD);
    await password.getByLabel("Neues Passwort", { exact: true }).fill("kurz");
    await password.getByLabel("Neues Passwort wiederholen").fill("kurz");
    await expect(password.getByText("Mindestens 8 Zeichen und höchstens 72 Byte", { exact: false })).toBeVisible();
    await password.getByRole("button", { name: "Passwort ändern" }).click();
    await expect(password.getByRole("alert")).toHaveText("Bitte korrigieren Sie die markierten Felder.");
    await expect(password.locator("#password-error")).toHaveText("Verwenden Sie mindestens 8 Zeichen.");
    // zxcvbn's own hint comes from the catalogue too.
    await password.getByLabel("Aktuelles Passwort").fill(STRONG_PASSWORD);
    await password.getByLabel("Neues Passwort", { exact: true }).fill("password1");
    await password.getByRole("button", { name: "Passwort ändern" }).click();
    await expect(password.locator("#password-error")).toHaveText(/^Dieses Passwort ist zu leicht zu erraten\. \S/);
    await expect(password.locator("#password-error")).not.toContainText(/password|guess/i);
    await expectAccessibleInBothSchemes(page);

    await page.getByRole("button", { name: "Zwei-Faktor-Authentifizierung einrichten" }).click();
    await page.waitForURL("/account/two-factor");
    await expect(page).toHaveTitle("Zwei-Faktor-Authentifizierung · Gatehouse");
    const enrol = page.getByRole("region", { name: "Scannen Sie den Code mit Ihrer Authenticator-App" });
    await expect(enrol.getByRole("img", { name: "QR-Code für Ihre Authenticator-App" })).toBeVisible();
    await expect(page.getByTestId("totp-key")).toHaveAttribute("translate", "no");
    await enrol.getByLabel("Aktuelles Passwort").fill(STRONG_PASSWORD);
    await enrol.getByLabel("Bestätigungscode").fill("000000");
    await enrol.getByRole("button", { name: "Zwei-Faktor-Authentifizierung einschalten" }).click();
    await expect(enrol.getByText("Dieser Code ist falsch. Geben Sie den 6-stelligen Code ein, den Ihre App gerade anzeigt.")).toBeVisible();
    await expectAccessibleInBothSchemes(page);
    await page.getByRole("button", { name: "Einrichtung abbrechen" }).click();
    await expect(page.getByRole("heading", { name: "Schützen Sie Ihr Konto mit einem zweiten Schritt" })).toBeVisible();

    await page.goto("/account");
    await chooseLanguage(page, "Sprache", "English", "Speichern");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");
    await expect(page.getByRole("region", { name: "Change password" }).getByLabel("Current password")).toBeVisible();
    await expect(page.getByRole("region", { name: "Two-factor authentication" })).toContainText("Off. Add a code from an authenticator app to your sign-in.");
  });

  test.describe("a German browser that is not signed in", () => {
    test.use({ storageState: { cookies: [], origins: [] }, locale: "de-DE" });

    test("gets middleware's own pages and answers in German", async ({ page, request }) => {
      const bad = await page.goto("/admin/%E0%A4%A");
      expect(bad?.status()).toBe(400);
      await expect(page.locator("html")).toHaveAttribute("lang", "de");
      await expect(page).toHaveTitle("Ungültige Anfrage · Gatehouse");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("400 · Ungültige Anfrage");
      await expect(page.getByRole("main")).toContainText("Diese Adresse ist nicht gültig.");
      await expect(page.getByRole("link", { name: "Zurück zur Verwaltungsübersicht" })).toHaveAttribute("href", "/admin");
      const foreign = await request.post("/admin", { headers: { "Accept-Language": "de-DE,de;q=0.9", Origin: "https://evil.example" }, form: { a: "b" } });
      expect(foreign.status()).toBe(403);
      expect(await foreign.text()).toContain("<h1>403 · Zugriff verweigert</h1><p>Diese Anfrage kam nicht von dieser Website.</p>");
      const english = await request.post("/admin", { headers: { "Accept-Language": "en", Origin: "https://evil.example" }, form: { a: "b" } });
      expect(await english.text()).toContain("<h1>403 · Forbidden</h1><p>This request did not come from this site.</p>");
    });
  });
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
    // Its price edited in place starts as a German writes the amount; Esc leaves it as it was.
    await page.getByRole("button", { name: `Preis von ${tag} a bearbeiten` }).click();
    const editor = page.getByRole("textbox", { name: `Preis von ${tag} a` });
    await expect(editor).toHaveValue("1234,56");
    await editor.press("Escape");
    await expect(editor).toHaveCount(0);

    // A price range from an address ("12.00", as links write it) reads in its form as a German writes it, and a German amount filters.
    await page.goto(`/admin/items?q=${tag}&sort=name&price_min=12.00`);
    await expect(rows).toHaveCount(1);
    const from = page.getByRole("textbox", { name: "Preis von" });
    await expect(from).toHaveValue("12,00");
    await from.fill("0,50");
    await from.press("Enter");
    await page.waitForURL((url) => url.searchParams.get("price_min") === "0,50");
    await expect(rows).toHaveCount(2);
    await page.goto(`/admin/items?q=${tag}&sort=name`);

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

test.describe("options in German", () => {
  // The demo admin has no language stored: the browser's German decides.
  test.use({ storageState: ACCOUNTS.admin.state, locale: "de-DE" });
  const filters = (page: Page) => page.getByRole("navigation", { name: "Filter" });

  test("an item's category reads in German in the list, the sidebar and the chip; the address keeps the stored value", async ({ page }) => {
    const tag = uniqueTag("Kategorie");
    // in_stock as a parameter: a bare 1 is an integer to PostgreSQL, not a boolean.
    execDb("insert into items (name, category, price_cents, in_stock, created_at, updated_at) select ?, 'books', 100, ?, created_at, updated_at from items where id = 1", tag, 1);
    await page.goto(`/admin/items?q=${tag}`);
    const rows = page.getByRole("table").locator("tbody tr");
    await expect(rows).toHaveCount(1);
    await expect(rows.nth(0)).toContainText("Bücher");
    await expect(rows.nth(0)).not.toContainText("books");
    const category = filters(page).getByRole("region", { name: "Nach Kategorie" });
    await category.getByRole("link", { name: "Bücher", exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get("category") === "books");
    await expect(rows).toHaveCount(1);
    await expect(page.getByRole("list", { name: "Aktive Filter" }).getByRole("link", { name: "Filter Kategorie: Bücher entfernen" })).toBeVisible();
  });

  test("a supplier's status reads in German in the list and the sidebar", async ({ page }) => {
    await page.goto("/admin/suppliers?q=Corner+Garden");
    const row = page.getByRole("table").locator("tbody tr").filter({ hasText: "Corner Garden Co" });
    await expect(row).toContainText("pausiert");
    await expect(row).not.toContainText("paused");
    const status = filters(page).getByRole("region", { name: "Nach Status" });
    for (const word of ["aktiv", "pausiert", "beendet"]) await expect(status.getByRole("link", { name: word, exact: true })).toBeVisible();
    await status.getByRole("link", { name: "pausiert", exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get("status") === "paused");
    await expect(row).toContainText("pausiert");
  });

  test("the role form's permission matrix names its actions in German", async ({ page }) => {
    await page.goto("/admin/roles/new");
    for (const action of ["Anzeigen", "Erstellen", "Ändern", "Löschen", "Exportieren"]) await expect(page.getByRole("columnheader", { name: action, exact: true })).toBeVisible();
    await expect(page.getByRole("checkbox", { name: "Benutzer: Anzeigen" })).toBeVisible();
  });
});
