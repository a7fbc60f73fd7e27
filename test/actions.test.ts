import assert from "node:assert/strict";
import fs from "node:fs";
import { register } from "node:module";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import Database from "better-sqlite3";
import { encode } from "next-auth/jwt";
import type { ActionState } from "../lib/actions/state";

/**
 * The action wrapper's guarantees, with the actions called as a forged POST
 * reaches them (no middleware, no page): no session is sent to sign in, an
 * action the resource does not declare or the user does not hold is refused,
 * and a malformed payload gets a message; in every case nothing is written.
 */

register("./support/next-request.mjs", import.meta.url);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gatehouse-actions-"));
const SECRET = "test-only-secret-0123456789abcdef0123456789abcdef";
Object.assign(process.env, { DATABASE_URL: `file:${path.join(dir, "actions.db")}`, AUTH_SECRET: SECRET, __NEXT_EXPERIMENTAL_AUTH_INTERRUPTS: "true" });

const COOKIE = "authjs.session-token";
type Act = (...args: unknown[]) => Promise<ActionState<unknown>>;
let bulk: Act;
let inline: Act;
let remove: Act;
let db: Database.Database;

const cookieFor = (sub: string) => encode({ token: { sub, stamp: `stamp-${sub}`, sid: `sid-${sub}`, authTime: Date.now() }, secret: SECRET, salt: COOKIE });

/** What the caller gets: the returned state's message, or the digest of the redirect or 403/404 thrown. */
async function as(sub: string | null, call: () => Promise<unknown>): Promise<string> {
  (globalThis as { __testRequest?: unknown }).__testRequest = { cookies: sub ? { [COOKIE]: await cookieFor(sub) } : {}, headers: { "x-gatehouse-path": "/admin/items" } };
  try {
    const state = (await call()) as ActionState<unknown>;
    return state.ok ? `ok ${JSON.stringify(state.data ?? null)}` : String(state.message);
  } catch (error) {
    return String((error as { digest?: string }).digest ?? error);
  }
}

function form(fields: Record<string, string | string[]>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) f.append(k, one);
  return f;
}

const count = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
const item = () => db.prepare("select name, category, in_stock as inStock from items where id = 1").get();

describe("the action wrapper", () => {
  before(async () => {
    const { getDb } = await import("../lib/db");
    const { runMigrations } = await import("../lib/db/migrate");
    await runMigrations(getDb());
    db = new Database(path.join(dir, "actions.db"));
    db.exec(`insert into roles (name, permissions) values ('admin', '[]'), ('viewer', '["items:view","audit:view"]');
      insert into users (id, email, security_stamp) values ('u-admin', 'admin@example.com', 'stamp-u-admin'), ('u-viewer', 'viewer@example.com', 'stamp-u-viewer');
      insert into user_roles (user_id, role_id) select 'u-admin', id from roles where name = 'admin';
      insert into user_roles (user_id, role_id) select 'u-viewer', id from roles where name = 'viewer';
      insert into items (id, name, category) values (1, 'widget', 'books');
      insert into audit_log (action, resource, record_id) values ('create', 'items', '1');`);
    bulk = (await import("../lib/resources/bulk-actions")).bulkAction as unknown as Act;
    inline = (await import("../lib/resources/inline-actions")).inlineEditAction as unknown as Act;
    remove = (await import("../lib/resources/actions")).deleteRecordAction as unknown as Act;
  });
  after(() => {
    db?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const IDLE = { ok: true };
  const unchanged = () => {
    assert.deepEqual(item(), { name: "widget", category: "books", inStock: 1 });
    assert.equal(count("audit_log"), 1);
  };

  it("refuses a bulk write the resource does not declare, even to an admin", async () => {
    const entry = String((db.prepare("select id from audit_log").get() as { id: number }).id);
    assert.equal(await as("u-admin", () => bulk("audit", IDLE, form({ action: "delete", ids: entry, confirmed: "yes" }))), "Choose an action.");
    assert.equal(await as("u-admin", () => bulk("audit", IDLE, form({ action: "set", field: "action", value: "x", ids: entry }))), "Choose an action.");
    assert.equal(await as("u-admin", () => bulk("items", IDLE, form({ action: "forged", ids: "1", confirmed: "yes" }))), "Choose an action.");
    assert.equal(await as("u-admin", () => inline("audit", IDLE, form({ id: entry, field: "action", value: "x" }))), "NEXT_HTTP_ERROR_FALLBACK;404");
    unchanged();
  });

  it("refuses an action the user does not hold", async () => {
    assert.equal(await as("u-viewer", () => bulk("items", IDLE, form({ action: "delete", ids: "1", confirmed: "yes" }))), "You do not have permission to do that.");
    assert.equal(await as("u-viewer", () => bulk("items", IDLE, form({ action: "set", field: "inStock", value: "false", ids: "1" }))), "You do not have permission to do that.");
    assert.equal(await as("u-viewer", () => inline("items", IDLE, form({ id: "1", field: "category", value: "tools" }))), "NEXT_HTTP_ERROR_FALLBACK;403");
    assert.equal(await as("u-viewer", () => remove("items", "1", IDLE, form({}))), "NEXT_HTTP_ERROR_FALLBACK;403");
    unchanged();
  });

  it("sends a request without a session to sign in", async () => {
    for (const call of [() => bulk("items", IDLE, form({ action: "delete", ids: "1", confirmed: "yes" })), () => inline("items", IDLE, form({ id: "1", field: "category", value: "tools" })), () => remove("items", "1", IDLE, form({}))]) {
      assert.match(await as(null, call), /^NEXT_REDIRECT;replace;\/login\?callbackUrl=/);
    }
    unchanged();
  });

  it("answers a malformed payload with a message, not an error", async () => {
    const NOT_VALID = /^This request is not valid/;
    assert.match(await as("u-admin", () => bulk({ name: "items" }, IDLE, form({ action: "delete", ids: "1", confirmed: "yes" }))), NOT_VALID);
    assert.match(await as("u-admin", () => bulk("items", IDLE, "action=delete&ids=1")), NOT_VALID);
    assert.match(await as("u-admin", () => remove("items", 1, IDLE, form({}))), NOT_VALID);
    assert.match(await as("u-admin", () => remove("items")), NOT_VALID);
    assert.equal(await as("u-admin", () => bulk("items", IDLE, form({ action: "delete", ids: ["x", "-1e999", "1.5"], confirmed: "yes" }))), "Select at least one row.");
    assert.equal(await as("u-admin", () => bulk("items", IDLE, form({ action: "set", field: "name", value: "x", ids: "1" }))), "Choose a field to set.");
    assert.doesNotMatch(await as("u-admin", () => inline("items", IDLE, form({ id: "1", field: "category", value: "no such category" }))), /^(NEXT_|ok)/);
    unchanged();
  });

  it("lets the same request through for whom it is allowed", async () => {
    assert.equal(await as("u-admin", () => bulk("items", IDLE, form({ action: "delete", ids: "1" }))), `ok ${JSON.stringify({ confirm: { action: "delete", label: "Delete", count: 1, ids: ["1"] } })}`);
    unchanged();
    await as("u-admin", () => bulk("items", IDLE, form({ action: "delete", ids: "1", confirmed: "yes" })));
    assert.equal(item(), undefined);
  });
});
