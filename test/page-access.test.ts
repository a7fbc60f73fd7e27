import assert from "node:assert/strict";
import fs from "node:fs";
import { register } from "node:module";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import Database from "better-sqlite3";
import { encode } from "next-auth/jwt";

/**
 * Pages refuse on their own, with no middleware in front of them: each admin
 * page and route handler is called directly, as a request that slipped past
 * middleware would reach it, and must answer with a redirect to sign in, a
 * 403 or a 401, and never render data. The session rules (deactivation, a new
 * security stamp, a revoked session, the absolute lifetime) hold there too.
 */

register("./support/next-request.mjs", import.meta.url);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gatehouse-pages-"));
const file = path.join(dir, "pages.db");
const SECRET = "test-only-secret-0123456789abcdef0123456789abcdef";
Object.assign(process.env, { DATABASE_URL: `file:${file}`, AUTH_SECRET: SECRET, __NEXT_EXPERIMENTAL_AUTH_INTERRUPTS: "true" });

const COOKIE = "authjs.session-token";
const USERS = { admin: "u-admin", endUser: "u-end-user" };

type Page = (props: { params: Promise<Record<string, string>>; searchParams: Promise<Record<string, string>> }) => Promise<unknown>;
let pages: { list: Page; details: Page; edit: Page; delete: Page };
let exportRoute: (req: Request, ctx: { params: Promise<{ resource: string }> }) => Promise<Response>;
let db: Database.Database;

async function cookieFor(sub: string, claims: Record<string, unknown> = {}): Promise<string> {
  return encode({ token: { sub, stamp: `stamp-${sub}`, sid: `sid-${sub}`, authTime: Date.now(), ...claims }, secret: SECRET, salt: COOKIE });
}

/** Runs `fn` as a request to `path` carrying `cookie` (or none). */
async function as<T>(cookie: string | null, pathname: string, fn: () => Promise<T>): Promise<T> {
  (globalThis as { __testRequest?: unknown }).__testRequest = { cookies: cookie ? { [COOKIE]: cookie } : {}, headers: { "x-gatehouse-path": pathname } };
  return fn();
}

const props = (params: Record<string, string>) => ({ params: Promise.resolve(params), searchParams: Promise.resolve({}) });
const digest = async (p: Promise<unknown>) => {
  try {
    await p;
    return "rendered";
  } catch (error) {
    return String((error as { digest?: string }).digest ?? error);
  }
};

describe("pages refuse without middleware", () => {
  before(async () => {
    const { getDb } = await import("../lib/db");
    const { runMigrations } = await import("../lib/db/migrate");
    await runMigrations(getDb());
    db = new Database(file);
    db.exec(`insert into roles (name, permissions) values ('admin', '[]'), ('end-user', '[]');
      insert into users (id, email, security_stamp) values ('${USERS.admin}', 'admin@example.com', 'stamp-${USERS.admin}'), ('${USERS.endUser}', 'someone@example.com', 'stamp-${USERS.endUser}');
      insert into user_roles (user_id, role_id) select '${USERS.admin}', id from roles where name = 'admin';
      insert into user_roles (user_id, role_id) select '${USERS.endUser}', id from roles where name = 'end-user';
      insert into items (id, name, category) values (1, 'secret widget', 'books');`);
    pages = {
      list: (await import("../app/admin/[resource]/page")).default as unknown as Page,
      details: (await import("../app/admin/[resource]/[id]/page")).default as unknown as Page,
      edit: (await import("../app/admin/[resource]/[id]/edit/page")).default as unknown as Page,
      delete: (await import("../app/admin/[resource]/[id]/delete/page")).default as unknown as Page,
    };
    exportRoute = (await import("../app/admin/[resource]/export/route")).GET;
  });
  after(() => {
    db?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const cases = () =>
    [
      ["/admin/items", pages.list, { resource: "items" }],
      ["/admin/items/1", pages.details, { resource: "items", id: "1" }],
      ["/admin/items/1/edit", pages.edit, { resource: "items", id: "1" }],
      ["/admin/items/1/delete", pages.delete, { resource: "items", id: "1" }],
    ] as const;

  it("sends an anonymous request to sign in, coming back to the page", async () => {
    for (const [pathname, page, params] of cases()) {
      const result = await as(null, pathname, () => digest(page(props(params))));
      assert.match(result, new RegExp(`^NEXT_REDIRECT;replace;/login\\?callbackUrl=${encodeURIComponent(pathname).replace(/[?]/g, "\\?")};307;`), pathname);
    }
    const res = await as(null, "/admin/items/export", () => exportRoute(new Request("http://localhost/admin/items/export"), { params: Promise.resolve({ resource: "items" }) }));
    assert.equal(res.status, 401);
  });

  it("answers 403 to a signed-in user without the permission", async () => {
    const cookie = await cookieFor(USERS.endUser);
    for (const [pathname, page, params] of cases()) assert.equal(await as(cookie, pathname, () => digest(page(props(params)))), "NEXT_HTTP_ERROR_FALLBACK;403", pathname);
    const res = await as(cookie, "/admin/items/export", () => exportRoute(new Request("http://localhost/admin/items/export"), { params: Promise.resolve({ resource: "items" }) }));
    assert.equal(res.status, 403);
  });

  it("renders for a user holding the permission", async () => {
    const cookie = await cookieFor(USERS.admin);
    for (const [pathname, page, params] of cases()) assert.equal(await as(cookie, pathname, () => digest(page(props(params)))), "rendered", pathname);
  });

  it("refuses a forged cookie, a revoked session, a stale stamp, an old sign-in and a deactivated user", async () => {
    const refused = async (cookie: string, why: string) => assert.match(await as(cookie, "/admin/items", () => digest(pages.list(props({ resource: "items" })))), /^NEXT_REDIRECT;replace;\/login/, why);
    await refused((await cookieFor(USERS.admin)).slice(0, -4) + "AAAA", "forged");
    await refused(await cookieFor(USERS.admin, { stamp: "old-stamp" }), "stale stamp");
    await refused(await cookieFor(USERS.admin, { authTime: Date.now() - 13 * 3_600_000 }), "past the absolute lifetime");
    db.prepare("insert into revoked_sessions (sid, expires_at) values (?, ?)").run("sid-revoked", Date.now() + 3_600_000);
    await refused(await cookieFor(USERS.admin, { sid: "sid-revoked" }), "revoked");
    const cookie = await cookieFor(USERS.admin);
    db.prepare("update users set active = 0 where id = ?").run(USERS.admin);
    await refused(cookie, "deactivated");
  });
});
