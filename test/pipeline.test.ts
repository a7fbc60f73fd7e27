import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Tx } from "../lib/db";
import { accessFromRoles } from "../lib/permissions";

/**
 * The write pipeline's guarantees, against a real database: SQLite by
 * default, PostgreSQL when DATABASE_URL names one (npm run test:unit:postgres).
 */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gatehouse-pipeline-"));
// Before lib/env is first imported (below, dynamically), so that the engine's database is this one.
process.env.DATABASE_URL ||= `file:${path.join(dir, "pipeline.db")}`;

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const contributor = { id: A, access: accessFromRoles([{ name: "c", permissions: ["items:view:own", "items:create:own", "items:update:own", "items:delete:own"] }]) };
const actor = { id: A, email: "a@example.com", address: null };
const PRICE_REASON = "You may not change this field (it needs the permission “Change prices”).";

const lib = {
  db: await import("../lib/db"),
  schema: await import("../lib/db/schema"),
  orm: await import("drizzle-orm"),
  panel: await import("../lib/resources/panel"),
  engine: await import("../lib/resources/engine"),
  auditPort: (await import("../lib/resources/audit-port")).auditPort,
};
const { items, auditLog, users, roles, userRoles } = lib.schema;
const { eq } = lib.orm;
const { engine } = lib.panel;
const itemsResource = engine.registry.get("items")!;
const db = () => lib.db.getDb();

async function item(id: number) {
  const [row] = await db().select({ name: items.name, price: items.priceCents, owner: items.ownerId }).from(items).where(eq(items.id, id));
  return row;
}
const version = async (id: number) => (await engine.getRecord(itemsResource, id))!.version!;

/** Items 1 and 3 are A's, 2 is B's. */
before(async () => {
  await (await import("../lib/db/migrate")).runMigrations(db());
  // B, the one admin, has a password: an admin without one (a pending invitation) is no admin who can sign in.
  await db().insert(users).values([{ id: A, email: "a@example.com" }, { id: B, email: "b@example.com", passwordHash: "not-a-real-hash" }]);
  const [admin] = await db().insert(roles).values({ name: "admin" }).returning({ id: roles.id });
  await db().insert(userRoles).values({ userId: B, roleId: admin!.id });
  for (const [id, owner] of [[1, A], [2, B], [3, A]] as const) await db().insert(items).values({ id, name: `drum ${id}`, category: "tools", priceCents: id * 100, ownerId: owner });
});

after(async () => {
  await lib.db.closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the write pipeline", () => {
  it("reads the target rows with the row scope in the locked read: a row whose owner changes inside the transaction is not written", async () => {
    // A guard runs inside the transaction before the locked read: here, someone else takes item 1 over.
    const takeOver = async (tx: Tx) => {
      await tx.update(items).set({ ownerId: B }).where(eq(items.id, 1));
      return async () => null;
    };
    const seam = { ...itemsResource, hooks: { guard: { lock: "test", before: takeOver } } };
    const seamed = lib.engine.createEngine({ resources: [seam, ...engine.registry.all.filter((r) => r.name !== "items")], audit: lib.auditPort });
    const v = await version(1);
    for (const write of [
      () => seamed.updateRecord(seam, actor, contributor, 1, { name: "taken" }, v),
      () => seamed.setFieldOnRecords(seam, actor, contributor, "inStock", false, [1]),
      () => seamed.deleteRecords(seam, actor, contributor, [1]),
    ]) {
      assert.deepEqual(await write(), { ok: false, message: "This item does not exist.", notFound: true });
      assert.deepEqual(await item(1), { name: "drum 1", price: 100, owner: A });
    }
  });

  if (process.env.DATABASE_URL?.startsWith("postgres")) {
    it("on PostgreSQL, a row another connection hands to someone else while the write waits for its lock is not written", async () => {
      const pg = (await import("pg")).default;
      const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await other.connect();
      try {
        await other.query("begin");
        await other.query("update items set owner_id = $1 where id = 1", [B]);
        const write = engine.updateRecord(itemsResource, actor, contributor, 1, { name: "taken" }, await version(1));
        // The write's locked read waits for the other transaction, then reads the row as it committed it.
        await new Promise((resolve) => setTimeout(resolve, 300));
        await other.query("commit");
        assert.deepEqual(await write, { ok: false, message: "This item does not exist.", notFound: true });
        assert.deepEqual(await item(1), { name: "drum 1", price: 100, owner: B });
      } finally {
        await other.query("update items set owner_id = $1 where id = 1", [A]);
        await other.end();
      }
    });
  }

  it("gives one refusal for someone else's row and a missing one, on update, delete and bulk Set field", async () => {
    const writes = [
      (id: number) => engine.updateRecord(itemsResource, actor, contributor, id, { name: "x" }, null),
      (id: number) => engine.deleteRecords(itemsResource, actor, contributor, [id]),
      (id: number) => engine.setFieldOnRecords(itemsResource, actor, contributor, "inStock", false, [id]),
    ];
    for (const write of writes) {
      const foreign = await write(2);
      assert.deepEqual(foreign, await write(999));
      assert.equal(!foreign.ok && foreign.message, "This item does not exist.");
    }
    assert.deepEqual(await item(2), { name: "drum 2", price: 200, owner: B });
  });

  it("refuses an action the resource does not declare, whoever asks (any write to the audit log)", async () => {
    const audit = engine.registry.get("audit")!;
    const [entry] = await db().select({ id: auditLog.id, summary: auditLog.summary }).from(auditLog).limit(1);
    assert.ok(entry);
    const refused = { ok: false, message: "Audit log cannot be changed that way." };
    assert.deepEqual(await engine.deleteRecords(audit, actor, null, [entry.id]), refused);
    assert.deepEqual(await engine.updateRecord(audit, actor, null, entry.id, { summary: "rewritten" }, null), refused);
    assert.deepEqual(await engine.createRecord(audit, actor, null, { action: "sign-in" }), refused);
    assert.deepEqual(await engine.setFieldOnRecords(audit, actor, null, "summary", "x", [entry.id]), { ok: false, message: "This field cannot be set in bulk." });
    assert.deepEqual(await engine.runBulkAction(audit, actor, null, "activate", [entry.id]), { ok: false, message: "Unknown action." });
    const [still] = await db().select({ summary: auditLog.summary }).from(auditLog).where(eq(auditLog.id, entry.id));
    assert.deepEqual(still, { summary: entry.summary });
  });

  it("refuses a field the editor may not change with its reason, the same on form save, inline edit and bulk Set field", async () => {
    const form = await engine.updateRecord(itemsResource, actor, contributor, 3, { name: "drum 3", category: "tools", price: 1, inStock: true, description: null }, await version(3));
    assert.equal(!form.ok && form.fieldErrors?.price, PRICE_REASON);
    const inline = await engine.updateRecord(itemsResource, actor, contributor, 3, { price: 1 }, await version(3));
    assert.equal(!inline.ok && inline.fieldErrors?.price, PRICE_REASON);
    const bulk = await engine.setFieldOnRecords(itemsResource, actor, contributor, "price", 1, [3]);
    assert.deepEqual(bulk, { ok: false, message: PRICE_REASON, fieldErrors: { price: PRICE_REASON } });
    assert.deepEqual(await item(3), { name: "drum 3", price: 300, owner: A });
  });

  it("writes no entry, and steps no version, for a save or a bulk Set field that changes nothing", async () => {
    const entries = async (id: number) => (await db().select({ action: auditLog.action, changes: auditLog.changes }).from(auditLog).where(eq(auditLog.recordId, String(id)))).filter((e) => e.action !== "denied");
    const owner = { id: B, access: accessFromRoles([{ name: "admin", permissions: [] }]) };
    const was = await entries(2);
    const v = await version(2);
    const same = await engine.updateRecord(itemsResource, actor, owner, 2, { name: "drum 2", category: "tools" }, v);
    assert.equal(same.ok, true);
    assert.equal(await version(2), v);
    assert.equal((await engine.setFieldOnRecords(itemsResource, actor, owner, "category", "tools", [2])).ok, true);
    assert.deepEqual(await entries(2), was);
    assert.equal((await engine.updateRecord(itemsResource, actor, owner, 2, { name: "drum 2", category: "garden" }, v)).ok, true);
    assert.deepEqual((await entries(2)).slice(was.length), [{ action: "update", changes: { category: { before: "tools", after: "garden" } } }]);
  });

  it("runs the guard a definition registers around its writes: the last active admin is not deactivated, on any door", async () => {
    const usersResource = engine.registry.get("users")!;
    const active = async () => (await db().select({ active: users.active }).from(users).where(eq(users.id, B)))[0]!.active;
    const form = await engine.updateRecord(usersResource, actor, null, B, { active: false }, (await engine.getRecord(usersResource, B))!.version ?? null);
    assert.deepEqual(form, { ok: false, message: "This is the last active admin: it cannot be removed, demoted or deactivated." });
    assert.equal((await engine.runBulkAction(usersResource, actor, null, "deactivate", [B])).ok, false);
    assert.equal((await engine.deleteRecords(usersResource, actor, null, [B])).ok, false);
    assert.equal(await active(), true);
  });

  it("hashes a new password before the write transaction: another writer is not kept waiting for bcrypt", { timeout: 10_000 }, async () => {
    const usersResource = engine.registry.get("users")!;
    let release!: () => void;
    let hashing!: (submitted: Record<string, unknown>) => void;
    const gate = new Promise<void>((r) => (release = r));
    const started = new Promise<Record<string, unknown>>((r) => (hashing = r));
    // The definition's own input hook, held open until the other write is done.
    const slow = { ...usersResource, hooks: { ...usersResource.hooks, input: async (submitted: Record<string, unknown>) => (hashing(submitted), await gate, usersResource.hooks!.input!(submitted)) } };
    const saving = engine.createRecord(slow, actor, null, { email: "hash@example.com", name: "Hash", password: "Correct-Horse-Battery-42", active: true, roles: [] });
    assert.deepEqual(Object.keys(await started).sort(), ["active", "email", "name", "password", "roles"], "only the submitted values");
    // Under the users' guard lock too (PostgreSQL): this would wait for ever if the hash ran inside the save's transaction.
    await lib.db.writeTransaction(db(), (tx) => tx.update(items).set({ name: "drum two" }).where(eq(items.id, 2)), { lock: usersResource.hooks!.guard!.lock });
    release();
    assert.equal((await saving).ok, true);
    const [row] = await db().select({ hash: users.passwordHash }).from(users).where(eq(users.email, "hash@example.com"));
    assert.equal(await (await import("../lib/auth/password")).verifyPassword("Correct-Horse-Battery-42", row!.hash!), true);
  });
});
