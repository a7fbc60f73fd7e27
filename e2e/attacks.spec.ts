import { expect, test } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { E2E_ENV } from "./env";
import { ACCOUNTS, PASSWORD } from "./support/accounts";
import { cli, STRONG_PASSWORD, uniqueEmail } from "./support/cli";
import { queryDb } from "./support/db";
import { expectSignedIn, signIn } from "./support/session";

const COOKIE = "authjs.session-token";

/** Posts credentials straight to the Auth.js callback, as a script would. */
async function postCredentials(request: import("@playwright/test").APIRequestContext, email: string, password: string, headers: Record<string, string> = {}) {
  const { csrfToken } = await (await request.get("/api/auth/csrf", { headers })).json();
  const res = await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, callbackUrl: "/" }, headers, maxRedirects: 0 });
  return { status: res.status(), location: res.headers().location ?? "" };
}

test.describe("sign-in throttling", () => {
  test("five failures from one address lock that account there, also through the callback URL", async ({ playwright, baseURL }) => {
    const email = uniqueEmail("brute");
    cli(["users", "create", "--email", email], `${STRONG_PASSWORD}\n`);
    const headers = { "x-forwarded-for": "198.51.100.1" };
    for (let i = 0; i < 5; i++) {
      const request = await playwright.request.newContext({ baseURL });
      const r = await postCredentials(request, email, `wrong-${i}`, headers);
      expect(r.location).toContain("error=CredentialsSignin");
      await request.dispose();
    }
    const request = await playwright.request.newContext({ baseURL });
    const r = await postCredentials(request, email, STRONG_PASSWORD, headers);
    expect(r.location).toContain("code=throttled");
    expect((await (await request.get("/api/auth/session")).json())).toBeNull();
    await request.dispose();
    expect(queryDb<{ n: number }>("select login_count as n from users where email = ?", email)[0]?.n).toBe(0);
  });

  test("an attacker guessing from many addresses does not lock the owner out of their own address", async ({ playwright, baseURL }) => {
    const email = uniqueEmail("besieged");
    cli(["users", "create", "--email", email], `${STRONG_PASSWORD}\n`);
    const request = await playwright.request.newContext({ baseURL });
    for (let ip = 1; ip <= 4; ip++) {
      const headers = { "x-forwarded-for": `198.51.101.${ip}` };
      for (let i = 0; i < 5; i++) expect((await postCredentials(request, email, `guess-${ip}-${i}`, headers)).location).toContain("error=CredentialsSignin");
      // Each of the attacker's addresses is stopped, even with the right password...
      expect((await postCredentials(request, email, STRONG_PASSWORD, headers)).location).toContain("code=throttled");
    }
    await request.dispose();
    // ...while the owner, from their own address, signs in.
    const owner = await playwright.request.newContext({ baseURL });
    const r = await postCredentials(owner, email, STRONG_PASSWORD, { "x-forwarded-for": "192.0.2.200" });
    expect(r.location).not.toContain("error");
    expect((await (await owner.get("/api/auth/session")).json())?.user?.email).toBe(email);
    await owner.dispose();
  });

  test("a burst of parallel guesses is counted before the passwords are checked", async ({ playwright, baseURL }) => {
    const email = uniqueEmail("burst");
    cli(["users", "create", "--email", email], `${STRONG_PASSWORD}\n`);
    const headers = { "x-forwarded-for": "198.51.102.1" };
    const request = await playwright.request.newContext({ baseURL });
    const { csrfToken } = await (await request.get("/api/auth/csrf", { headers })).json();
    const guess = (password: string) =>
      request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, callbackUrl: "/" }, headers, maxRedirects: 0 }).then((res) => res.headers().location ?? "");
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => guess(`parallel-${i}`)));
    // Every answer is a refusal, and no more than five passwords were ever compared.
    for (const a of answers) expect(a).toContain("error=CredentialsSignin");
    const compared = answers.filter((a) => !/code=(throttled|busy)/.test(a)).length;
    expect(compared).toBeLessThanOrEqual(5);
    expect(queryDb<{ n: number }>("select count(*) as n from audit_log where action = 'sign-in-failed' and actor_email = ?", email)[0]?.n).toBeLessThanOrEqual(5);
    // Spend whatever guesses are left; then the right password is refused too.
    for (let i = 0; i < 5 - compared; i++) await guess(`late-${i}`);
    expect(await guess(STRONG_PASSWORD)).toContain("code=throttled");
    expect(queryDb<{ n: number }>("select login_count as n from users where email = ?", email)[0]?.n).toBe(0);
    await request.dispose();
  });

  test("the sign-in form says to try again later, even with the right password", async ({ browser }) => {
    // Its own client address, so its failures do not count against the other tests' one.
    const page = await (await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.200" } })).newPage();
    const email = uniqueEmail("locked");
    cli(["users", "create", "--email", email], `${STRONG_PASSWORD}\n`);
    for (let i = 0; i < 5; i++) {
      await signIn(page, email, `wrong-${i}`);
      await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Invalid email or password.");
    }
    await signIn(page, email, STRONG_PASSWORD);
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toContainText("try again later");
    await expect(page).toHaveURL(/\/login/);
  });

  test("many failures from one address lock that address for every account", async ({ playwright, baseURL }) => {
    const email = uniqueEmail("sprayed");
    cli(["users", "create", "--email", email], `${STRONG_PASSWORD}\n`);
    const headers = { "x-forwarded-for": "203.0.113.77" };
    const request = await playwright.request.newContext({ baseURL });
    for (let i = 0; i < 20; i++) await postCredentials(request, `nobody-${i}@example.com`, "wrong", headers);
    expect((await postCredentials(request, email, STRONG_PASSWORD, headers)).location).toContain("code=throttled");
    // Another address is not affected.
    expect((await postCredentials(request, email, STRONG_PASSWORD, { "x-forwarded-for": "203.0.113.78" })).location).not.toContain("error");
    await request.dispose();
  });

  test("IPv6 addresses count by /64: rotating through one network does not escape the limit", async ({ playwright, baseURL }) => {
    const email = uniqueEmail("v6");
    cli(["users", "create", "--email", email], `${STRONG_PASSWORD}\n`);
    const request = await playwright.request.newContext({ baseURL });
    for (let i = 0; i < 20; i++) await postCredentials(request, `nobody-v6-${i}@example.com`, "wrong", { "x-forwarded-for": `2001:db8:77:1::${(i + 1).toString(16)}` });
    expect((await postCredentials(request, email, STRONG_PASSWORD, { "x-forwarded-for": "2001:db8:77:1:abcd::1" })).location).toContain("code=throttled");
    expect((await postCredentials(request, email, STRONG_PASSWORD, { "x-forwarded-for": "2001:db8:77:2::1" })).location).not.toContain("error");
    await request.dispose();
  });

  test("X-Forwarded-For is read from the right: an entry the client adds in front is not its address", async ({ playwright, baseURL }) => {
    const email = uniqueEmail("forged-xff");
    cli(["users", "create", "--email", email], `${STRONG_PASSWORD}\n`);
    const request = await playwright.request.newContext({ baseURL });
    // The proxy (one, trusted) appended 198.51.103.9; the client made up the rest.
    for (let i = 0; i < 5; i++) await postCredentials(request, email, `wrong-${i}`, { "x-forwarded-for": `10.9.9.${i}, 198.51.103.9` });
    expect((await postCredentials(request, email, STRONG_PASSWORD, { "x-forwarded-for": "10.9.9.99, 198.51.103.9" })).location).toContain("code=throttled");
    expect(queryDb<{ address: string }>("select distinct address from audit_log where action = 'sign-in-failed' and actor_email = ?", email)).toEqual([{ address: "198.51.103.9" }]);
    await request.dispose();
  });
});

test("unknown and known emails get the same answer", async ({ playwright, baseURL }) => {
  const answers = [];
  for (const [email, ip] of [["nobody-here@example.com", "192.0.2.10"], [ACCOUNTS.editor.email, "192.0.2.11"]] as const) {
    const request = await playwright.request.newContext({ baseURL });
    const r = await postCredentials(request, email, "not-the-password", { "x-forwarded-for": ip });
    answers.push({ status: r.status, location: r.location.replace(/^https?:\/\/[^/]+/, "") });
    await request.dispose();
  }
  expect(answers[0]).toEqual(answers[1]);
});

test.describe("sessions", () => {
  test("a tampered, foreign-secret or stale-stamp token is anonymous", async ({ browser, baseURL }) => {
    const [user] = queryDb<{ id: string; email: string }>("select id, email from users where email = ?", ACCOUNTS.admin.email);
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: user!.id, email: user!.email, stamp: "not-the-stamp", authTime: Date.now(), iat: now, exp: now + 3600 };
    const tokens = {
      garbage: "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
      foreignSecret: await encode({ token: { ...claims }, secret: "some-other-secret-0123456789abcdef0123456789", salt: COOKIE }),
      staleStamp: await encode({ token: claims, secret: E2E_ENV.AUTH_SECRET!, salt: COOKIE }),
    };
    for (const [name, value] of Object.entries(tokens)) {
      const context = await browser.newContext();
      await context.addCookies([{ name: COOKIE, value, url: baseURL! }]);
      const res = await context.request.get("/admin/users", { maxRedirects: 0 });
      expect(res.status(), name).toBe(307);
      expect(res.headers().location, name).toContain("/login");
      await context.close();
    }
  });

  test("a session ends SESSION_MAX_HOURS after sign-in however active; a fresh one with the same claims works", async ({ browser, baseURL }) => {
    const [user] = queryDb<{ id: string; email: string; stamp: string }>("select id, email, security_stamp as stamp from users where email = ?", ACCOUNTS.endUser.email);
    const now = Math.floor(Date.now() / 1000);
    const token = (authTime: number) => encode({ token: { sub: user!.id, email: user!.email, stamp: user!.stamp, sid: `forged-${authTime}`, authTime, iat: now, exp: now + 3600 }, secret: E2E_ENV.AUTH_SECRET!, salt: COOKIE });
    const statusWith = async (value: string) => {
      const context = await browser.newContext();
      await context.addCookies([{ name: COOKIE, value, url: baseURL! }]);
      const res = await context.request.get("/", { maxRedirects: 0 });
      await context.close();
      return res.status();
    };
    expect(await statusWith(await token(Date.now() - 60_000))).toBe(200);
    expect(await statusWith(await token(Date.now() - 13 * 3_600_000))).toBe(307);
  });

  test("a session cookie kept from before sign-out is refused", async ({ browser, page }) => {
    await signIn(page, ACCOUNTS.editor.email, PASSWORD);
    await expectSignedIn(page, ACCOUNTS.editor.email);
    const kept = await page.context().cookies();
    await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    const replay = await browser.newContext();
    await replay.addCookies(kept);
    const res = await replay.request.get("/admin/items", { maxRedirects: 0 });
    expect(res.status()).toBe(307);
    expect(res.headers().location).toContain("/login");
    await replay.close();
  });

  test("signing out through Auth.js's own endpoint revokes the session, not just the cookie", async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL });
    const headers = { "x-forwarded-for": "192.0.2.61" };
    expect((await postCredentials(request, ACCOUNTS.editor.email, PASSWORD, headers)).location).not.toContain("error");
    const kept = (await request.storageState()).cookies;
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    const out = await request.post("/api/auth/signout", { form: { csrfToken, callbackUrl: "/login" }, maxRedirects: 0 });
    expect(out.status()).toBeLessThan(400);
    await request.dispose();
    const replay = await playwright.request.newContext({ baseURL, storageState: { cookies: kept, origins: [] } });
    const res = await replay.get("/admin/items", { maxRedirects: 0 });
    expect(res.status()).toBe(307);
    expect(res.headers().location).toContain("/login");
    await replay.dispose();
  });

  test("/api/auth/session tells the browser who is signed in and nothing more", async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL });
    expect((await postCredentials(request, ACCOUNTS.editor.email, PASSWORD, { "x-forwarded-for": "192.0.2.62" })).location).not.toContain("error");
    const body = await (await request.get("/api/auth/session")).json();
    expect(Object.keys(body).sort()).toEqual(["expires", "user"]);
    expect(body.user.email).toBe(ACCOUNTS.editor.email);
    expect(Object.keys(body.user).sort()).toEqual(["email", "id", "name"]);
    expect(JSON.stringify(body)).not.toMatch(/sid|sessionId|stamp/i);
    await request.dispose();
  });

  test("the back button after sign-out shows no data", async ({ page }) => {
    await signIn(page, ACCOUNTS.admin.email, PASSWORD);
    await expectSignedIn(page, ACCOUNTS.admin.email);
    await page.goto("/admin/users");
    await expect(page.getByRole("link", { name: ACCOUNTS.endUser.email })).toBeVisible();
    await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goBack();
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByText(ACCOUNTS.endUser.email)).toHaveCount(0);
  });
});

test.describe("open redirects", () => {
  for (const evil of ["https://evil.example", "//evil.example", "/\\evil.example", "%09//evil.example", "https://localhost@evil.example", "javascript:alert(1)", "/%E0%A4%A", "http://[::1", "////evil.example"]) {
    test(`callbackUrl=${evil} never leaves the site and never fails`, async ({ request }) => {
      const res = await request.get(`/login?callbackUrl=${encodeURIComponent(evil)}`);
      expect(res.status()).toBe(200);
      const html = await res.text();
      expect(html).not.toMatch(/value="[^"]*evil\.example/);
      expect(html).not.toContain('value="javascript:');
    });
  }
});

test.describe("path tricks give anonymous and end-users no data", () => {
  const paths = ["/ADMIN/users", "/%61dmin/users", "/admin/%75sers", "//admin/users", "/admin//users", "/admin/users/", "/admin/./users"];
  for (const path of paths) {
    test(`${path}`, async ({ browser, baseURL }) => {
      for (const state of [undefined, ACCOUNTS.endUser.state]) {
        const context = await browser.newContext({ storageState: state });
        // Full URL: a bare "//admin/…" would be read as another host.
        const res = await context.request.get(`${baseURL}${path}`, { maxRedirects: 0 });
        expect(res.status(), `${path} as ${state ?? "anonymous"}`).not.toBe(500);
        if (res.status() === 200) expect(await res.text()).not.toContain(ACCOUNTS.admin.email);
        await context.close();
      }
    });
  }
});
