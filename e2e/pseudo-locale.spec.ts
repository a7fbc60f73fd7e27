import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { ACCOUNTS, type Account } from "./support/accounts";
import { cli, STRONG_PASSWORD, uniqueEmail } from "./support/cli";
import { queryDb } from "./support/db";
import { signIn } from "./support/session";
import { confirmEnrolment, startEnrolment } from "./support/two-factor";
import { describeUntranslated, untranslatedStrings } from "./support/untranslated";

/**
 * The forgotten-string guard: every page, as admin, as contributor and signed
 * out, in the pseudo-locale (en-XA: each message bracketed and accented). Any
 * visible word or title/placeholder/aria-label/alt that is neither from the
 * messages nor marked as data (`translate="no"`, `<time>`) fails the page, named
 * with a CSS path (see e2e/support/untranslated.ts).
 */

test.use({ locale: "en-XA", viewport: { width: 1280, height: 900 } });

/** The page as it is now uses only words from the messages, in en-XA. */
async function expectOnlyMessages(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("lang", "en-XA");
  const found = await untranslatedStrings(page);
  const { pathname, search } = new URL(page.url());
  // Soft: a test that walks several pages reports every one of them.
  expect.soft(found.length, `${found.length} strings not from the messages on ${pathname}${search}:\n${describeUntranslated(found)}\n`).toBe(0);
}

async function visit(page: Page, path: string, status = 200) {
  const res = await page.goto(path);
  expect(res?.status(), path).toBe(status);
  await page.waitForLoadState("load");
  await expectOnlyMessages(page);
}

const userId = (email: string) => queryDb<{ id: string }>("select id from users where email = ?", email)[0]!.id;
const roleId = (name: string) => queryDb<{ id: number }>("select id from roles where name = ?", name)[0]!.id;
const firstId = (table: "suppliers" | "audit_log") => queryDb<{ id: number }>(`select id from ${table} order by id limit 1`)[0]!.id;
const ownItem = () => queryDb<{ id: number }>("select id from items where owner_id = ? order by id limit 1", userId(ACCOUNTS.contributor.email))[0]!.id;

test("the guard reports a raw string and passes a message, data and dates", async ({ page }) => {
  await page.setContent(`<!doctype html><html lang="en-XA"><head><title>［Šíǵñ íñ］</title></head><body>
    <h1>［Ýóúŕ ÁÇÇÓÚÑŤ］</h1>
    <p>Hello world</p>
    <p>［Šíǵñéď íñ áš admin@example.com］ · 42 · HTML</p>
    <p translate="no">Data value <b>inside</b></p>
    <p><time datetime="2026-12-04">Dec 4, 2026</time></p>
    <p hidden>Hidden words</p>
    <script>const notWords = "script text";</script>
  </body></html>`);
  expect(await untranslatedStrings(page)).toEqual([{ where: "body > p:nth-of-type(1)", text: "Hello world", words: ["Hello", "world"] }]);

  await page.setContent(`<!doctype html><html><head><title>Items · Gatehouse</title></head><body>
    <button aria-label="Close">×</button><input type="search" placeholder="［Šéáŕçĥ］"><img alt="Logo" src="data:,">
    <p>［Ýóú ĥáṽé <b>ťŵó</b> íťéḿš］ but Not these</p>
  </body></html>`);
  const found = await untranslatedStrings(page);
  expect(found.map((f) => [f.where, f.words])).toEqual([
    ["body > p", ["but", "Not", "these"]],
    ["body > button @aria-label", ["Close"]],
    ["body > img @alt", ["Logo"]],
    ["title", ["Items", "Gatehouse"]],
  ]);
});

test("middleware's own short page, made before any page runs, shows only words from the messages, its title too", async ({ page }) => {
  await visit(page, "/admin/%E0%A4%A", 400);
});

type Visit = [path: () => string, status?: number];

const PAGES: Record<Exclude<Account, "endUser" | "editor">, Record<string, Visit>> = {
  admin: {
    "the admin index": [() => "/admin"],
    "the user list": [() => "/admin/users"],
    "the user list with its filters counted": [() => "/admin/users?facets=1"],
    "a user's details": [() => `/admin/users/${userId(ACCOUNTS.contributor.email)}`],
    "a new user": [() => "/admin/users/new"],
    "a user's edit form": [() => `/admin/users/${userId(ACCOUNTS.editor.email)}/edit`],
    "the role list": [() => "/admin/roles"],
    "a role's details": [() => `/admin/roles/${roleId("contributor")}`],
    "a new role": [() => "/admin/roles/new"],
    "a role's permission matrix": [() => `/admin/roles/${roleId("contributor")}/edit`],
    "the item list": [() => "/admin/items"],
    "the item list, filtered, with counts": [() => "/admin/items?category=books&price_min=10&facets=1"],
    "the item list finding nothing": [() => "/admin/items?q=zzzzqqqq"],
    "an item's details": [() => "/admin/items/1"],
    "a new item": [() => "/admin/items/new"],
    "an item's edit form": [() => "/admin/items/1/edit"],
    "an item's delete page": [() => "/admin/items/1/delete"],
    "the supplier list": [() => "/admin/suppliers?facets=1"],
    "a supplier's details": [() => `/admin/suppliers/${firstId("suppliers")}`],
    "a new supplier": [() => "/admin/suppliers/new"],
    "a supplier's edit form": [() => `/admin/suppliers/${firstId("suppliers")}/edit`],
    "the audit log": [() => "/admin/audit?facets=1"],
    "an audit entry": [() => `/admin/audit/${firstId("audit_log")}`],
    "the account page": [() => "/account"],
    "the two-factor page": [() => "/account/two-factor"],
    "the sign-out page": [() => "/logout"],
    "an unknown resource (404)": [() => "/admin/nope", 404],
    "an unknown record (404)": [() => "/admin/items/999999999", 404],
    "an unknown page (404)": [() => "/no-such-page", 404],
  },
  contributor: {
    "the admin index": [() => "/admin"],
    "their item list": [() => "/admin/items"],
    "their item list with counts": [() => "/admin/items?facets=1"],
    "their item's details": [() => `/admin/items/${ownItem()}`],
    "a new item": [() => "/admin/items/new"],
    "their item's edit form": [() => `/admin/items/${ownItem()}/edit`],
    "their item's delete page": [() => `/admin/items/${ownItem()}/delete`],
    "the account page": [() => "/account"],
    "the user list (403)": [() => "/admin/users", 403],
    "the audit log (403)": [() => "/admin/audit", 403],
    "an item not theirs (404)": [() => "/admin/items/1", 404],
  },
};

for (const [who, pages] of Object.entries(PAGES) as [Account, Record<string, Visit>][]) {
  test.describe(`as ${who}`, () => {
    test.use({ storageState: ACCOUNTS[who].state });
    for (const [what, [path, status]] of Object.entries(pages)) {
      test(`${what} shows only words from the messages`, async ({ page }) => {
        await visit(page, path(), status);
      });
    }
  });
}

test.describe("as admin, with more users than the filter sidebar lists as links", () => {
  test.use({ storageState: ACCOUNTS.admin.state });

  test("the item list's owner filter, a search picker then, shows only words from the messages", async ({ page }) => {
    // More than FEW_REFERENCES (components/resource/filter-groups.ts): the sidebar offers a picker instead of links.
    const users = queryDb<{ n: number }>("select count(*) as n from users")[0]!.n;
    for (let n = users; n <= 10; n++) cli(["users", "create", "--email", uniqueEmail("many-owners")], `${STRONG_PASSWORD}\n`);
    await visit(page, "/admin/items");
    await expect(page.locator("#owner")).toHaveAttribute("placeholder", /^［.*］$/);
  });
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the sign-in page, and after a failed attempt, show only words from the messages", async ({ page }) => {
    await visit(page, "/login");
    await page.locator('input[name="email"]').fill("nobody@example.com");
    await page.locator('input[name="password"]').fill("wrong-password");
    await page.locator('form button[type="submit"]').click();
    await expect(page.getByRole("main").getByRole("alert").filter({ hasText: /\S/ })).toBeVisible();
    await expectOnlyMessages(page);
  });
});

/** A browser in en-XA holding the session of `from` (a context that signed in in English, with the labels the helpers know). */
async function pseudoCopy(browser: Browser, from: BrowserContext): Promise<Page> {
  const context = await browser.newContext({ locale: "en-XA", storageState: await from.storageState() });
  return context.newPage();
}

test("two-factor set-up, its recovery codes and the sign-in code step show only words from the messages", async ({ browser }) => {
  test.slow(); // a new account, enrolment and two sign-ins
  const email = uniqueEmail("pseudo");
  cli(["users", "create", "--email", email], `${STRONG_PASSWORD}\n`);
  const english = await browser.newContext({ locale: "en-US", extraHTTPHeaders: { "x-forwarded-for": "198.51.100.61" } });
  const page = await english.newPage();
  await signIn(page, email, STRONG_PASSWORD);
  await page.waitForURL("/admin");
  const key = await startEnrolment(page);

  const enrolling = await pseudoCopy(browser, english);
  await visit(enrolling, "/account/two-factor");
  await enrolling.context().close();
  // Turning it on renews the session: the en-XA copy is taken again afterwards.
  await confirmEnrolment(page, key);
  const enrolled = await pseudoCopy(browser, english);
  await visit(enrolled, "/account/two-factor");
  await visit(enrolled, "/account");
  await enrolled.context().close();
  await english.close();

  const signedOut = await browser.newContext({ locale: "en-XA", extraHTTPHeaders: { "x-forwarded-for": "198.51.100.62" } });
  const step = await signedOut.newPage();
  await step.goto("/login");
  await step.locator('input[name="email"]').fill(email);
  await step.locator('input[name="password"]').fill(STRONG_PASSWORD);
  await step.locator('form button[type="submit"]').click();
  await step.waitForURL(/\/login\?step=code/);
  await expectOnlyMessages(step);
  await step.locator('input[name="code"]').fill("000000");
  await step.locator('form button[type="submit"]').click();
  await expect(step.getByRole("main").getByRole("alert").filter({ hasText: /\S/ })).toBeVisible();
  await expectOnlyMessages(step);
  await signedOut.close();
});

test("a field error shows only words from the messages", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-XA", storageState: ACCOUNTS.admin.state });
  const page = await context.newPage();
  await visit(page, "/admin/items/new");
  await page.locator('input[name="price"]').fill("abc");
  await page.locator('button[name="_save"]').click();
  await expect(page.locator("#name-error")).toBeVisible();
  await expectOnlyMessages(page);
  await context.close();
});
