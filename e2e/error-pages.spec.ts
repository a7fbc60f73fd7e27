import { expect, test, type Page, type Response } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { seriousViolations } from "./support/axe";

/**
 * 403 and 404 look like the rest of the app: its header and navigation, its
 * stylesheet, a main landmark, and a link to what the user may open, whether
 * a page refused or middleware did.
 */

/**
 * Opens `path` in the browser without the Sec-Fetch-* headers, as a script or
 * an older browser sends it: middleware then checks the view permission itself
 * and answers before any page runs.
 */
async function gotoAsPlainClient(page: Page, path: string): Promise<Response | null> {
  await page.route(
    (url) => url.pathname === path,
    async (route) => {
      const headers = Object.fromEntries(Object.entries(await route.request().allHeaders()).filter(([name]) => !name.startsWith("sec-fetch-")));
      await route.fulfill({ response: await route.fetch({ headers }) });
    },
  );
  return page.goto(path);
}

async function expectAppErrorPage(page: Page, { status, heading, back }: { status: number; heading: string; back: { name: string; href: string } }) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  await expect(page.getByRole("main")).toContainText(String(status));
  await expect(page.getByRole("banner")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Account" })).toBeVisible();
  await expect(page.getByRole("link", { name: back.name })).toHaveAttribute("href", back.href);
  // The app's stylesheet is loaded and applies (the body's background is not the browser's white).
  expect(await page.locator('link[rel="stylesheet"]').count()).toBeGreaterThan(0);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe("rgba(0, 0, 0, 0)");
}

const TO_ADMIN = { name: "Back to the admin index", href: "/admin" };

test.describe("a signed-in user without the permission", () => {
  test.use({ storageState: ACCOUNTS.endUser.state });

  test("gets the app's 403 page when a page refuses", async ({ page }) => {
    const res = await page.goto("/admin/items");
    expect(res?.status()).toBe(403);
    await expectAppErrorPage(page, { status: 403, heading: "Forbidden", back: TO_ADMIN });
    await expect(page.getByTestId("current-user")).toContainText(ACCOUNTS.endUser.email);
  });

  test("gets the same 403 page when middleware refuses", async ({ page }) => {
    for (const path of ["/admin/items", "/admin/items/1", "/admin/users"]) {
      const res = await gotoAsPlainClient(page, path);
      expect(res?.status(), path).toBe(403);
      expect(res?.headers()["cache-control"], path).toBe("no-store");
      expect(page.url(), path).toMatch(new RegExp(`${path}$`));
      await expectAppErrorPage(page, { status: 403, heading: "Forbidden", back: TO_ADMIN });
      await expect(page.getByText("You do not have permission to view this page.")).toBeVisible();
    }
    // The export route answers a short "Forbidden." by itself: a styled page here is middleware's.
    const res = await gotoAsPlainClient(page, "/admin/items/export");
    expect(res?.status()).toBe(403);
    await expectAppErrorPage(page, { status: 403, heading: "Forbidden", back: TO_ADMIN });
  });

  test("a script gets the 403 page when it asks for HTML, else a short 403", async ({ request }) => {
    const html = await request.get("/admin/items", { headers: { Accept: "text/html" } });
    expect(html.status()).toBe(403);
    expect(html.headers()["content-type"]).toContain("text/html");
    const body = await html.text();
    expect(body).toContain("You do not have permission to view this page.");
    expect(body).toContain(ACCOUNTS.endUser.email);
    expect(body).not.toContain(ACCOUNTS.admin.email);

    // Router fetches (RSC payloads) and plain API clients.
    for (const headers of [{}, { RSC: "1" }, { RSC: "1", "Next-Router-Prefetch": "1" }] as Record<string, string>[]) {
      const res = await request.get("/admin/items", { headers });
      expect(res.status(), JSON.stringify(headers)).toBe(403);
      expect(await res.text()).toBe("You do not have permission to view this page.");
    }
  });

  test("a form posted to a page it may not view is refused without rendering a page", async ({ request, baseURL }) => {
    const res = await request.post("/admin/items", { headers: { Origin: baseURL!, Accept: "text/html" }, multipart: { name: "x" } });
    expect(res.status()).toBe(403);
    expect(await res.text()).toBe("You do not have permission to view this page.");
  });
});

test.describe("the page middleware renders its 403 with", () => {
  test.use({ storageState: ACCOUNTS.admin.state });

  test("is a 403 itself when opened directly, even for an admin", async ({ page, request }) => {
    for (const path of ["/access-denied", "/access-denied?next=/admin/users"]) {
      for (const headers of [{}, { Accept: "text/html" }, { RSC: "1" }, { RSC: "1", "Next-Router-Prefetch": "1" }] as Record<string, string>[]) {
        expect((await request.get(path, { headers })).status(), `${path} ${JSON.stringify(headers)}`).toBe(403);
        expect((await request.head(path, { headers })).status(), `${path} ${JSON.stringify(headers)}`).toBe(403);
      }
    }
    const res = await page.goto("/access-denied");
    expect(res?.status()).toBe(403);
    await expectAppErrorPage(page, { status: 403, heading: "Forbidden", back: TO_ADMIN });
  });

  test("sends an anonymous visitor to sign in", async ({ browser }) => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const res = await context.request.get("/access-denied", { maxRedirects: 0 });
    expect(res.status()).toBe(307);
    expect(res.headers().location).toContain("/login?callbackUrl=%2Faccess-denied");
    await context.close();
  });
});

test.describe("an unknown resource, record or address", () => {
  test.use({ storageState: ACCOUNTS.editor.state });

  for (const path of ["/admin/nope", "/admin/items/999999999", "/admin/items/not-a-number/edit", "/no-such-page"]) {
    test(`${path} is the app's 404 page`, async ({ page }) => {
      const res = await page.goto(path);
      expect(res?.status()).toBe(404);
      await expectAppErrorPage(page, { status: 404, heading: "Not found", back: TO_ADMIN });
      await expect(page.getByTestId("current-user")).toContainText(ACCOUNTS.editor.email);
    });
  }
});

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`in ${colorScheme} mode`, () => {
    const cases: [keyof typeof ACCOUNTS, string, number, "page" | "middleware"][] = [
      ["endUser", "/admin/items", 403, "page"],
      ["endUser", "/admin/items", 403, "middleware"],
      ["admin", "/admin/nope", 404, "page"],
      ["admin", "/admin/items/999999999", 404, "page"],
    ];
    for (const [who, path, status, by] of cases) {
      test(`the ${status} from the ${by} on ${path} has no serious or critical axe violations`, async ({ browser }) => {
        const context = await browser.newContext({ storageState: ACCOUNTS[who].state, colorScheme });
        const page = await context.newPage();
        const res = by === "middleware" ? await gotoAsPlainClient(page, path) : await page.goto(path);
        expect(res?.status()).toBe(status);
        await page.waitForLoadState("load");
        expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(colorScheme === "dark");
        const found = await seriousViolations(page);
        expect(found, found.join("\n")).toEqual([]);
        await context.close();
      });
    }
  });
}
