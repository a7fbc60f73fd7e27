import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import Database from "better-sqlite3";

/**
 * What the /admin index reads: bounded row counts through the list's own
 * WHERE, and the newest audit entries (one user's, or everyone's) read in
 * index order, with links only where the reader may follow them.
 */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gatehouse-index-"));
const file = path.join(dir, "index.db");
// Before lib/env is first imported (below, dynamically), so that the engine's database is this one.
process.env.DATABASE_URL = `file:${file}`;
let client: Database.Database;

const ADMIN = { id: "u2", access: { isAdmin: true, permissions: new Set<string>() } };
const EDITOR = { id: "u2", access: { isAdmin: false, permissions: new Set(["items:view", "items:create"]) } };
const NOBODY = { id: "u2", access: { isAdmin: false, permissions: new Set<string>() } };
const CONTRIBUTOR = { id: "u1", access: { isAdmin: false, permissions: new Set(["items:view:own"]) } };

describe("admin index reads", () => {
  before(async () => {
    const { getDb } = await import("../lib/db");
    const { runMigrations } = await import("../lib/db/migrate");
    await runMigrations(getDb());
    client = (getDb() as unknown as { $client: Database.Database }).$client;
    client.exec(`insert into users (id, email, security_stamp) values ('u1', 'one@example.com', 'x'), ('u2', 'two@example.com', 'x');
      insert into items (name, category, owner_id) values ('Kept', 'books', 'u1'), ('Also kept', 'tools', null);
      with recursive n(i) as (select 1 union all select i + 1 from n where i < 10050)
        insert into audit_log (at, actor_id, actor_email, action, resource, record_id, summary) select i, 'u2', 'two@example.com', 'sign-in', 'users', 'u2', null from n;
      insert into audit_log (at, actor_id, actor_email, action, resource, record_id, summary) values
        (20000, 'u1', 'one@example.com', 'create', 'items', '1', null),
        (20001, 'u1', 'one@example.com', 'delete', 'items', '99', 'Gone for good'),
        (20002, 'u1', 'one@example.com', 'update', 'users', 'u2', null),
        (20003, 'u1', 'one@example.com', 'sign-in', null, null, null);
      analyze;`);
  });
  after(() => {
    client?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("counts exactly up to COUNT_CAP and says when there are more; nothing for a reader without view", async () => {
    const { getResource } = await import("../lib/resources/registry");
    const { resourceCount } = await import("../lib/resources/engine/queries");
    assert.deepEqual(await resourceCount(getResource("items")!, ADMIN), { total: 2, capped: false });
    assert.deepEqual(await resourceCount(getResource("users")!, ADMIN), { total: 2, capped: false });
    assert.deepEqual(await resourceCount(getResource("audit")!, ADMIN), { total: 10_000, capped: true });
    assert.equal(await resourceCount(getResource("users")!, EDITOR), null);
    assert.equal(await resourceCount(getResource("items")!, NOBODY), null);
    assert.deepEqual(await resourceCount(getResource("items")!, EDITOR), { total: 2, capped: false });
    // An own-records reader counts their own rows only.
    assert.deepEqual(await resourceCount(getResource("items")!, CONTRIBUTOR), { total: 1, capped: false });
  });

  it("lists one user's newest changes (no sign-ins), links live records the reader may view, and the kept name otherwise", async () => {
    const { recentActions } = await import("../lib/audit/recent");
    const mine = await recentActions(ADMIN, "u1");
    assert.deepEqual(
      mine.map((e) => [e.verb, e.noun, e.record]),
      [
        ["Changed", "user", { text: "two@example.com", href: "/admin/users/u2", quoted: true }],
        ["Deleted", "item", { text: "Gone for good", quoted: true }],
        ["Created", "item", { text: "Kept", href: "/admin/items/1", quoted: true }],
      ],
    );
    assert.equal(mine[0]!.entryHref, `/admin/audit/${mine[0]!.id}`);
    const asEditor = await recentActions(EDITOR, "u1");
    assert.deepEqual(asEditor[0]!.record, { text: "#u2", quoted: false }, "no title or link for a resource the reader may not view");
    assert.equal(asEditor[0]!.entryHref, undefined, "no link into the audit log without audit:view");
    const everyone = await recentActions(ADMIN, null);
    assert.equal(everyone.length, 3, "sign-ins are not recent actions, however many");
    assert.deepEqual(everyone.map((e) => e.actorEmail), ["one@example.com", "one@example.com", "one@example.com"]);
  });

  it("reads the audit log in index order and stops at the limit", async () => {
    const { listRecentActionsQuery } = await import("../lib/audit/queries");
    const { listOwnSignIns } = await import("../lib/audit/queries");
    const queries = [listRecentActionsQuery("u2", 10), listRecentActionsQuery(null, 10), listOwnSignIns("u2", 5)];
    for (const query of queries) {
      const { sql, params } = query.toSQL();
      const plan = (client.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
      assert.ok(plan.some((d) => /USING (COVERING )?INDEX audit_log_(actor_id|at)_idx/.test(d)), plan.join(" | "));
      assert.ok(!plan.some((d) => /TEMP B-TREE/.test(d)), plan.join(" | "));
    }
  });
});
