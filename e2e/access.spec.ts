import { expect, test } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { queryDb } from "./support/db";

const RESOURCES = ["users", "roles", "items"] as const;
// A real row of each resource, so that admin gets 200 (users have UUIDs).
const sampleId = (r: string) => (r === "users" ? queryDb<{ id: string }>("select id from users where email = ?", ACCOUNTS.admin.email)[0]!.id : "1");
const subPaths = (r: string) => [`/admin/${r}`, `/admin/${r}/new`, `/admin/${r}/${sampleId(r)}`, `/admin/${r}/${sampleId(r)}/edit`];

test.describe("anonymous", () => {
  test("home and admin pages redirect to sign in, keeping the path", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL("/login?callbackUrl=%2F");
    await page.goto("/admin/items?q=red");
    await expect(page).toHaveURL(`/login?callbackUrl=${encodeURIComponent("/admin/items?q=red")}`);
  });

  test("the sign-in page has labelled fields and a Sign in button", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByLabel("Email")).toBeVisible();
    await expect(page.getByLabel("Password")).toHaveAttribute("type", "password");
    await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  });

  test("gets no data from admin pages, with or without a subrequest header", async ({ request }) => {
    for (const header of [undefined, "middleware", "middleware:middleware:middleware:middleware:middleware", "src/middleware:src/middleware"]) {
      const res = await request.get("/admin/users", {
        maxRedirects: 0,
        headers: header ? { "x-middleware-subrequest": header } : {},
      });
      expect(res.status(), `x-middleware-subrequest: ${header}`).toBe(307);
      expect(res.headers().location).toContain("/login?callbackUrl=%2Fadmin%2Fusers");
      expect(await res.text()).not.toContain("admin@example.com");
    }
  });
});

test.describe("admin", () => {
  test.use({ storageState: ACCOUNTS.admin.state });

  test("reaches home with its roles, and every resource page", async ({ page, request }) => {
    await page.goto("/");
    await expect(page.getByTestId("roles")).toHaveText("admin");
    await page.getByRole("link", { name: "Go to the admin panel" }).click();
    await expect(page).toHaveURL("/admin");
    const nav = page.getByRole("navigation", { name: "Resources" });
    for (const label of ["Users", "Roles", "Items"]) await expect(nav.getByRole("link", { name: label })).toBeVisible();
    for (const r of RESOURCES) {
      for (const path of subPaths(r)) expect((await request.get(path)).status(), path).toBe(200);
    }
  });

  test("gets 404 for an unknown resource", async ({ request }) => {
    expect((await request.get("/admin/nope")).status()).toBe(404);
  });
});

test.describe("end-user", () => {
  test.use({ storageState: ACCOUNTS.endUser.state });

  test("reaches home and the admin index, with no resource in the navigation", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("roles")).toHaveText("end-user");
    const res = await page.goto("/admin");
    expect(res?.status()).toBe(200);
    await expect(page.getByText("Your account has no admin permissions")).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Resources" });
    for (const label of ["Users", "Roles", "Items"]) await expect(nav.getByRole("link", { name: label })).toHaveCount(0);
  });

  test("gets 403 on every resource page, and a page that says so", async ({ page, request }) => {
    for (const r of RESOURCES) {
      for (const path of subPaths(r)) {
        const res = await request.get(path);
        expect(res.status(), path).toBe(403);
        const body = await res.text();
        expect(body).toContain("You do not have permission");
        expect(body).not.toContain("admin@example.com");
      }
    }
    const res = await page.goto("/admin/users");
    expect(res?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: /Forbidden/ })).toBeVisible();
  });

  test("a subrequest header or an RSC request does not get past the gate", async ({ request }) => {
    const variants: Record<string, string>[] = [
      { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
      { "x-middleware-subrequest": "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware" },
      { RSC: "1", "Next-Router-Prefetch": "1" },
    ];
    for (const headers of variants) {
      const res = await request.get("/admin/users", { headers });
      expect(res.status(), JSON.stringify(headers)).toBe(403);
      expect(await res.text()).not.toContain("admin@example.com");
    }
  });
});

test.describe("editor", () => {
  test.use({ storageState: ACCOUNTS.editor.state });

  test("reaches items but not users or roles", async ({ page, request }) => {
    await page.goto("/admin");
    const nav = page.getByRole("navigation", { name: "Resources" });
    await expect(nav.getByRole("link", { name: "Items" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: "Roles" })).toHaveCount(0);
    for (const path of subPaths("items")) expect((await request.get(path)).status(), path).toBe(200);
    for (const path of [...subPaths("users"), ...subPaths("roles")]) expect((await request.get(path)).status(), path).toBe(403);
  });
});

test("admin responses are not cached and carry security headers", async ({ browser }) => {
  const context = await browser.newContext({ storageState: ACCOUNTS.admin.state });
  const res = await context.request.get("/admin");
  expect(res.headers()["cache-control"]).toBe("no-store");
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  expect(res.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  await context.close();
});
