import { spawn, type ChildProcess } from "node:child_process";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E_ENV, E2E_PORT } from "./env";
import { ACCOUNTS, PASSWORD } from "./support/accounts";
import { cli, STRONG_PASSWORD, uniqueEmail } from "./support/cli";

/**
 * Two `next start` processes on one PostgreSQL database, as behind a load
 * balancer: A is the suite's server, B a second one started here. Runs only in
 * the PostgreSQL run (see playwright.config.ts).
 */

// One worker runs this file, so one instance B serves all of its tests.
test.describe.configure({ mode: "serial" });

const PORT_B = E2E_PORT + 1;
const A = `http://localhost:${E2E_PORT}`;
const B = `http://localhost:${PORT_B}`;
let serverB: ChildProcess;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  serverB = spawn("npx", ["next", "start", "-p", String(PORT_B)], { env: { ...process.env, ...E2E_ENV, NODE_ENV: "production" }, stdio: "ignore", detached: true });
  for (let i = 0; i < 200; i++) {
    const ok = await fetch(`${B}/login`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`instance B did not start on ${B}`);
});

test.afterAll(() => {
  if (serverB.pid) process.kill(-serverB.pid, "SIGTERM");
});

async function signInOn(request: APIRequestContext, base: string, email: string, password: string, address: string) {
  const headers = { "x-forwarded-for": address };
  const { csrfToken } = await (await request.get(`${base}/api/auth/csrf`, { headers })).json();
  const res = await request.post(`${base}/api/auth/callback/credentials`, { form: { csrfToken, email, password, callbackUrl: "/" }, headers, maxRedirects: 0 });
  return res.headers().location ?? "";
}

/** The session cookie a context holds, to hand to the other instance. */
async function sessionCookie(request: APIRequestContext): Promise<string> {
  const state = await request.storageState();
  const cookie = state.cookies.find((c) => c.name === "authjs.session-token");
  expect(cookie, "signed in").toBeTruthy();
  return `${cookie!.name}=${cookie!.value}`;
}

test("a session from instance A works on instance B", async ({ playwright }) => {
  const onA = await playwright.request.newContext();
  expect(await signInOn(onA, A, ACCOUNTS.admin.email, PASSWORD, "203.0.113.10")).not.toContain("error");
  const cookie = await sessionCookie(onA);
  const res = await fetch(`${B}/admin/items`, { headers: { cookie }, redirect: "manual" });
  expect(res.status).toBe(200);
  expect(await res.text()).toContain(ACCOUNTS.admin.email);
  await onA.dispose();
});

test("a user deactivated on A is refused by B on the next request", async ({ playwright, browser }) => {
  const email = uniqueEmail("two-instances");
  cli(["users", "create", "--email", email, "--role", "editor"], `${STRONG_PASSWORD}\n`);
  const onB = await playwright.request.newContext();
  expect(await signInOn(onB, B, email, STRONG_PASSWORD, "203.0.113.11")).not.toContain("error");
  const cookie = await sessionCookie(onB);
  expect((await fetch(`${B}/admin/items`, { headers: { cookie }, redirect: "manual" })).status).toBe(200);

  // The admin deactivates the user through instance A's panel (bulk action on the users list).
  const admin = await browser.newContext({ storageState: ACCOUNTS.admin.state, baseURL: A });
  const page = await admin.newPage();
  await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  await page.getByRole("checkbox", { name: `Select ${email}` }).check();
  await page.getByLabel("With selected").selectOption({ label: "Deactivate" });
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL(/notice=bulk/);
  await admin.close();

  const after = await fetch(`${B}/admin/items`, { headers: { cookie }, redirect: "manual" });
  expect(after.status).toBe(307);
  expect(after.headers.get("location")).toContain("/login");
  await onB.dispose();
});

test("failed sign-ins on A and B add up to one throttle", async ({ playwright }) => {
  const email = uniqueEmail("two-instance-throttle");
  cli(["users", "create", "--email", email], `${STRONG_PASSWORD}\n`);
  const address = "203.0.113.12";
  // Five wrong passwords for one account from one address (the limit), spread over both instances.
  for (const [i, base] of [A, B, A, B, A].entries()) {
    const request = await playwright.request.newContext();
    expect(await signInOn(request, base, email, `wrong-${i}`, address)).toContain("error=CredentialsSignin");
    await request.dispose();
  }
  // Neither instance alone has seen five; together they have: the right password is refused on both.
  for (const base of [B, A]) {
    const request = await playwright.request.newContext();
    expect(await signInOn(request, base, email, STRONG_PASSWORD, address)).toContain("code=throttled");
    await request.dispose();
  }
});
