import { expect, test, type Browser, type Page } from "@playwright/test";
import { ACCOUNTS, PASSWORD } from "./support/accounts";
import { queryDb } from "./support/db";
import { createItem, uniqueTag } from "./support/items";
import { offSite, sendVia, startSiteProxy, type SiteProxy } from "./support/reverse-proxy";

/**
 * The panel behind a reverse proxy on its own domain: every redirect (sign-in,
 * sign-out, anonymous visits, forms) must keep the visitor on that domain, never
 * send them to the address the server listens on.
 */
const HOST = "admin.example.test";

async function visitorBehind(browser: Browser, proxy: SiteProxy, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ proxy: { server: proxy.server }, baseURL: `http://${HOST}`, javaScriptEnabled });
  return context.newPage();
}

async function signInAsAdmin(page: Page) {
  await page.getByLabel("Email").fill(ACCOUNTS.admin.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("signing in, saving forms and signing out stay on the proxy's host", async ({ browser }) => {
  const proxy = await startSiteProxy(HOST);
  try {
    const page = await visitorBehind(browser, proxy);
    await page.goto("/admin/items?q=proxied");
    await expect(page).toHaveURL(`http://${HOST}/login?callbackUrl=${encodeURIComponent("/admin/items?q=proxied")}`);
    await signInAsAdmin(page);
    await expect(page).toHaveURL(`http://${HOST}/admin/items?q=proxied`);

    const name = uniqueTag("Proxied");
    const id = await createItem(page, { name });
    await expect(page).toHaveURL(`http://${HOST}/admin/items/${id}?notice=created`);
    await page.goto(`/admin/items/${id}/edit`);
    await page.getByLabel("Name").fill(`${name} edited`);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page).toHaveURL(`http://${HOST}/admin/items/${id}?notice=updated`);
    await page.getByRole("link", { name: "Delete", exact: true }).click();
    await page.getByRole("button", { name: "Yes, delete" }).click();
    await expect(page).toHaveURL(`http://${HOST}/admin/items?notice=deleted&count=1`);
    expect(queryDb("select id from items where id = ?", id)).toEqual([]);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(`http://${HOST}/login`);
    await page.goto("/admin");
    await expect(page).toHaveURL(`http://${HOST}/login?callbackUrl=%2Fadmin`);

    await page.context().close();
    expect(proxy.redirects.length).toBeGreaterThan(5);
    expect(offSite(proxy.redirects, `http://${HOST}`)).toEqual([]);
  } finally {
    await proxy.close();
  }
});

test("without JavaScript, the sign-in and sign-out form posts stay on the proxy's host", async ({ browser }) => {
  const proxy = await startSiteProxy(HOST, "http", "203.0.113.81");
  try {
    const page = await visitorBehind(browser, proxy, false);
    await page.goto("/admin/users");
    await expect(page).toHaveURL(`http://${HOST}/login?callbackUrl=%2Fadmin%2Fusers`);
    await signInAsAdmin(page);
    await expect(page).toHaveURL(`http://${HOST}/admin/users`);
    await expect(page.getByTestId("current-user")).toContainText(ACCOUNTS.admin.email);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(`http://${HOST}/login`);
    await page.context().close();

    const posts = proxy.redirects.filter((r) => r.path === "/login" || r.path === "/sign-out");
    expect(posts.map((r) => r.path).sort()).toEqual(["/login", "/sign-out"]);
    expect(offSite(proxy.redirects, `http://${HOST}`)).toEqual([]);
  } finally {
    await proxy.close();
  }
});

test("behind an HTTPS proxy, anonymous visits and sign-out redirect to the public https host", async () => {
  const proxy = await startSiteProxy(HOST, "https", "203.0.113.82");
  const origin = `https://${HOST}`;
  try {
    for (const path of ["/", "/admin", "/admin/items/1/edit", "/admin/users?q=a", "/account", "/logout"]) {
      expect((await sendVia(proxy, "GET", path)).status, path).toBe(307);
    }
    expect((await sendVia(proxy, "GET", "/admin/items", { cookie: "authjs.session-token=forged" })).status).toBe(307);
    expect((await sendVia(proxy, "POST", "/sign-out", { origin }, "")).status).toBe(303);
    // Auth.js's own endpoints: sign-out with its CSRF token, a wrong token, and its sign-in page.
    const csrf = await sendVia(proxy, "GET", "/api/auth/csrf");
    const cookie = csrf.cookies.map((c) => c.split(";")[0]).join("; ");
    const csrfToken = decodeURIComponent(cookie.match(/csrf-token=([^;]+)/)![1]!).split("|")[0]!;
    const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
    expect((await sendVia(proxy, "POST", "/api/auth/signout", { origin, cookie }, form({ csrfToken, callbackUrl: "/login" }))).status).toBe(302);
    expect((await sendVia(proxy, "POST", "/api/auth/signout", { origin, cookie }, form({ csrfToken: "wrong" }))).status).toBe(302);
    expect((await sendVia(proxy, "GET", "/api/auth/signin?callbackUrl=%2Fadmin")).status).toBe(302);

    expect(proxy.redirects).toHaveLength(11);
    expect(offSite(proxy.redirects, origin)).toEqual([]);
  } finally {
    await proxy.close();
  }
});
