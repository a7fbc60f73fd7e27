import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import Database from "better-sqlite3";
import { accessFromRoles, type Access } from "../lib/permissions";
import type { Viewer } from "../lib/resources/scope";
import type { Resource } from "../lib/resources/types";

/**
 * Own-records scope and field permissions on every engine query and write,
 * against a real database: what a contributor (items:*:own) reads and writes,
 * next to what someone holding the all-records form gets.
 */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gatehouse-scope-"));
const file = path.join(dir, "scope.db");
// Before lib/env is first imported (below, dynamically), so that the engine's database is this one.
process.env.DATABASE_URL = `file:${file}`;

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const viewer = (id: string, permissions: string[]): Viewer => ({ id, access: accessFromRoles([{ name: "r", permissions }]) });
const contributor = viewer(A, ["items:view:own", "items:create:own", "items:update:own", "items:delete:own", "items:export:own"]);
const everyone = viewer(B, ["items:view", "items:update", "items:delete", "items:export", "items:price", "users:view"]);
const actor = { id: A, email: "a@example.com", address: null };

let raw: Database.Database;
let items: Resource;
let engine: {
  queries: typeof import("../lib/resources/panel");
  write: typeof import("../lib/resources/panel");
  params: typeof import("../lib/resources/engine/params");
  exporter: typeof import("../lib/resources/engine/export");
  related: typeof import("../lib/resources/panel");
  scope: typeof import("../lib/resources/scope");
  define: typeof import("../lib/resources/define");
};

/** Items 1, 2 and 5 are A's, 3 is B's, 4 is nobody's; all named "drum …" so one search finds them all. */
before(async () => {
  const { getDb } = await import("../lib/db");
  const { runMigrations } = await import("../lib/db/migrate");
  await runMigrations(getDb());
  raw = new Database(file);
  for (const [id, email] of [[A, "a@example.com"], [B, "b@example.com"]]) raw.prepare("insert into users (id, email, name, security_stamp) values (?, ?, ?, 'x')").run(id, email, email!.slice(0, 1).toUpperCase());
  const insert = raw.prepare("insert into items (id, name, category, price_cents, in_stock, owner_id, created_at, updated_at) values (?, ?, 'tools', ?, 1, ?, ?, ?)");
  for (const [id, owner] of [[1, A], [2, A], [3, B], [4, null], [5, A]] as const) insert.run(id, `drum ${id}`, id * 100, owner, 1_700_000_000_000 + id * 1000, 1_700_000_000_000 + id * 1000);
  engine = {
    queries: await import("../lib/resources/panel"),
    write: await import("../lib/resources/panel"),
    params: await import("../lib/resources/engine/params"),
    exporter: await import("../lib/resources/engine/export"),
    related: await import("../lib/resources/panel"),
    scope: await import("../lib/resources/scope"),
    define: await import("../lib/resources/define"),
  };
  items = (await import("../lib/resources/registry")).getResource("items")!;
});

after(() => {
  raw?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ids = (rows: { id: unknown }[]) => rows.map((r) => Number(r.id)).sort((x, y) => x - y);
const list = (v: Viewer | undefined, params: Record<string, string> = {}) => engine.queries.listRows(items, engine.params.parseListQuery(items, params), v);
const itemRow = (id: number) => raw.prepare("select name, price_cents as price, owner_id as owner from items where id = ?").get(id) as { name: string; price: number; owner: string | null } | undefined;
const denied = () => raw.prepare("select record_id as id, summary from audit_log where action = 'denied' order by id").all() as { id: string; summary: string }[];

async function csv(v: Viewer, params: Record<string, string> = {}): Promise<string> {
  return new Response(engine.exporter.exportStream(items, engine.params.parseListQuery(items, params), v)).text();
}

describe("own-records scope on reads", () => {
  it("lists, counts, searches, filters and sorts only the viewer's rows", async () => {
    const mine = await list(contributor);
    assert.deepEqual(ids(mine.rows), [1, 2, 5]);
    assert.equal(mine.total, 3);
    assert.deepEqual(ids((await list(contributor, { q: "drum" })).rows), [1, 2, 5]);
    assert.equal((await list(contributor, { q: "drum 3" })).total, 0);
    assert.equal((await list(contributor, { owner: B })).total, 0);
    assert.deepEqual(ids((await list(contributor, { sort: "-price" })).rows), [1, 2, 5]);
    assert.equal((await list(everyone)).total, 5);
    assert.equal((await list(undefined)).total, 5);
  });

  it("pages by cursor within the scope", async () => {
    // A cursor forged to start before B's row still reads only A's rows.
    const after = engine.params.encodeCursor({ value: 1_700_000_000_000 + 2500, id: 2 });
    const next = await list(contributor, { per: "10", sort: "createdAt", after });
    assert.deepEqual(ids(next.rows), [5]);
  });

  it("finds someone else's record for no action, and the own one only for the actions held", async () => {
    assert.equal(await engine.queries.getRecord(items, 3, contributor), null);
    assert.equal(await engine.queries.getRecord(items, 4, contributor), null);
    assert.equal((await engine.queries.getRecord(items, 1, contributor, "update"))?.ownerId, A);
    const viewOnly = viewer(A, ["items:view:own"]);
    assert.equal(await engine.queries.getRecord(items, 1, viewOnly, "update"), null);
    assert.equal((await engine.queries.getRecord(items, 3, everyone, "update"))?.ownerId, B);
  });

  it("offers and labels only rows the viewer may view", async () => {
    assert.deepEqual(ids(await engine.queries.lookupOptions("items", "drum", 20, contributor)), [1, 2, 5]);
    assert.deepEqual([...(await engine.queries.labelsFor("items", [1, 3], contributor)).keys()], [1]);
    assert.equal((await engine.queries.lookupOptions("items", "", 20, everyone)).length, 5);
    // No users:view at all: no user rows, titles or options.
    assert.deepEqual(await engine.queries.lookupOptions("users", "", 20, contributor), []);
  });

  it("shows a reference as the viewer may see it: a title to open, themselves as text, anyone else as a neutral text", async () => {
    const owners = async (v: Viewer | undefined) => Object.fromEntries((await list(v)).rows.map((r) => [Number(r.id), r.refs.owner]));
    // The contributor may not view users: their own e-mail, as text (no link to a 403).
    assert.deepEqual((await owners(contributor))[1], { id: A, label: "a@example.com", open: false });
    // Items of everyone, no users:view: someone else is neither an e-mail nor an id.
    const itemsOnly = viewer(A, ["items:view"]);
    const seen = await owners(itemsOnly);
    assert.deepEqual(seen[3], { id: B, label: "Another user", open: false });
    assert.deepEqual(seen[1], { id: A, label: "a@example.com", open: false });
    assert.equal(seen[4], null);
    // With users:view: titles that open.
    assert.deepEqual((await owners(everyone))[3], { id: B, label: "b@example.com", open: true });
  });

  it("finds a row by its exact title or search field, ignoring case, within the viewer's scope", async () => {
    assert.deepEqual(await engine.queries.findByLabel("users", "A@Example.com", everyone), [A]);
    assert.deepEqual(await engine.queries.findByLabel("users", "b", everyone), [B]);
    assert.deepEqual(await engine.queries.findByLabel("users", "a@example", everyone), []);
    assert.deepEqual(await engine.queries.findByLabel("users", "a@example.com", contributor), []);
  });

  it("exports only rows the viewer may both view and export", async () => {
    const lines = (await csv(contributor)).trim().split("\n");
    assert.deepEqual(lines.slice(1).map((l) => Number(l.split(",")[0])).sort(), [1, 2, 5]);
    const viewOwnExportAll = viewer(A, ["items:view:own", "items:export"]);
    assert.equal((await csv(viewOwnExportAll)).trim().split("\n").length, 4);
    assert.equal((await csv(everyone)).trim().split("\n").length, 6);
  });
});

describe("related records", () => {
  it("lists what points back at a record, within the viewer's scope, with the filtered list's link", async () => {
    const { getResource } = await import("../lib/resources/registry");
    const users = getResource("users")!;
    const [sectionB] = await engine.related.relatedSections(users, B, everyone);
    assert.equal(sectionB?.heading, "Owned items");
    assert.deepEqual(sectionB?.rows.map((r) => r.title), ["drum 3"]);
    assert.equal(sectionB?.href, `/admin/items?owner=${B}`);
    const [ownA] = await engine.related.relatedSections(users, A, contributor);
    assert.equal(ownA?.total, 3);
    // B's items are not the contributor's: none shown, none counted.
    const [ownB] = await engine.related.relatedSections(users, B, contributor);
    assert.deepEqual([ownB?.rows.length, ownB?.total], [0, 0]);
  });

  it("follows a many-to-many (a role's users), and a many filter ignores values that are no key", async () => {
    const { getResource } = await import("../lib/resources/registry");
    const roles = getResource("roles")!;
    const users = getResource("users")!;
    const roleId = Number((raw.prepare("insert into roles (name, permissions) values ('scoped-readers', '[]') returning id").get() as { id: number }).id);
    raw.prepare("insert into user_roles (user_id, role_id) values (?, ?)").run(A, roleId);
    const admin = viewer(B, ["users:view", "roles:view"]);
    const sections = await engine.related.relatedSections(roles, roleId, admin);
    assert.deepEqual(sections.map((x) => [x.heading, x.rows.map((r) => r.title), x.href]), [["Users with this role", ["a@example.com"], `/admin/users?role=${roleId}`]]);
    // Without users:view, no section at all.
    assert.deepEqual(await engine.related.relatedSections(roles, roleId, viewer(B, ["roles:view"])), []);
    for (const role of ["abc", "99999999999", "-1"]) assert.equal((await engine.queries.listRows(users, engine.params.parseListQuery(users, { role }), admin)).total, 0, role);
  });
});

describe("own-records scope on writes", () => {
  it("refuses an update of someone else's row as not found, changes nothing and logs it as denied", async () => {
    const before = itemRow(3);
    const result = await engine.write.updateRecord(items, actor, contributor, 3, { name: "mine now" }, null);
    assert.deepEqual(result, { ok: false, message: "This item does not exist.", notFound: true });
    assert.deepEqual(itemRow(3), before);
    assert.deepEqual(denied().at(-1), { id: "3", summary: "update: not within the user's records" });
  });

  it("refuses a delete that includes someone else's row, deleting none of them", async () => {
    const result = await engine.write.deleteRecords(items, actor, contributor, [2, 3]);
    assert.equal(result.ok, false);
    assert.ok(itemRow(2) && itemRow(3));
    assert.equal(denied().at(-1)?.id, "3");
    // Nobody's row is not the contributor's either.
    assert.equal((await engine.write.deleteRecords(items, actor, contributor, [4])).ok, false);
    assert.ok(itemRow(4));
  });

  it("answers someone else's row and a missing one alike on update, delete and bulk Set field", async () => {
    const { setFieldOnRecords } = await import("../lib/resources/panel");
    const writes = [
      (id: number) => engine.write.updateRecord(items, actor, contributor, id, { name: "x" }, null),
      (id: number) => engine.write.deleteRecords(items, actor, contributor, [id]),
      (id: number) => setFieldOnRecords(items, actor, contributor, "inStock", false, [id]),
    ];
    for (const write of writes) assert.deepEqual(await write(3), await write(999));
    assert.ok(itemRow(3));
  });

  it("refuses any write a resource does not declare, whoever asks (the audit log)", async () => {
    const { getResource } = await import("../lib/resources/registry");
    const audit = getResource("audit")!;
    const [entry] = raw.prepare("select id from audit_log order by id limit 1").all() as { id: number }[];
    assert.ok(entry);
    const result = await engine.write.deleteRecords(audit, actor, null, [entry.id]);
    assert.equal(result.ok, false);
    assert.ok(raw.prepare("select id from audit_log where id = ?").get(entry.id));
    assert.equal((await engine.write.updateRecord(audit, actor, null, entry.id, { summary: "rewritten" }, null)).ok, false);
    assert.equal((await engine.write.createRecord(audit, actor, null, { action: "sign-in" })).ok, false);
  });

  it("makes a new row the creator's, and refuses another owner sent", async () => {
    const result = await engine.write.createRecord(items, actor, contributor, { name: "new drum", category: "tools", price: 4200, inStock: true });
    assert.ok(result.ok);
    assert.deepEqual(itemRow(Number(result.id)), { name: "new drum", price: 4200, owner: A });
    const forged = await engine.write.createRecord(items, actor, contributor, { name: "forged drum", category: "tools", price: 4200, inStock: true, owner: B });
    assert.deepEqual(forged, { ok: false, message: "Please correct the highlighted fields.", fieldErrors: { owner: "Only someone who may edit every record can change its owner." } });
    assert.equal((raw.prepare("select count(*) as n from items where name = 'forged drum'").get() as { n: number }).n, 0);
  });

  it("refuses a change of a field the editor may not change, and of the owner without update on all rows, with the reasons", async () => {
    const version = (await engine.queries.getRecord(items, 5))!.version!;
    const refused = await engine.write.updateRecord(items, actor, contributor, 5, { name: "renamed", price: 1, owner: B }, version);
    assert.equal(refused.ok, false);
    assert.deepEqual(!refused.ok && refused.fieldErrors, { price: "You may not change this field (it needs the permission “Change prices”).", owner: "Only someone who may edit every record can change its owner." });
    assert.deepEqual(itemRow(5), { name: "drum 5", price: 500, owner: A });
    // The same values as stored are no change: the form sends read-only fields back as they are.
    assert.ok((await engine.write.updateRecord(items, actor, contributor, 5, { name: "renamed", price: 500, owner: A }, version)).ok);
    assert.deepEqual(itemRow(5), { name: "renamed", price: 500, owner: A });
    const v2 = (await engine.queries.getRecord(items, 5))!.version!;
    assert.ok((await engine.write.updateRecord(items, actor, everyone, 5, { price: 1, owner: B }, v2)).ok);
    assert.deepEqual(itemRow(5), { name: "renamed", price: 1, owner: B });
  });
});

describe("field permissions", () => {
  it("removes a field the viewer may not view from list, details, filters, sort, search and export", async () => {
    const { defineResource } = engine.define;
    const secret = defineResource({
      ...items,
      fields: items.fields.map((f) => (f.key === "price" ? { ...f, access: { view: "items:cost" } } : f)),
      permissions: [{ name: "items:cost", label: "See costs" }],
      search: ["name", "category"],
    });
    const without: Access = accessFromRoles([{ name: "r", permissions: ["items:view"] }]);
    const narrowed = engine.scope.resourceFor(secret, without);
    assert.equal(narrowed.fieldMap.has("price"), false);
    assert.equal(narrowed.filters?.some((f) => f.field === "price"), false);
    assert.equal(engine.params.parseListQuery(narrowed, { sort: "-price", price_min: "1" }).sort.key !== "price", true);
    assert.equal(engine.params.parseListQuery(narrowed, { price_min: "1" }).filters.length, 0);
    const record = await engine.queries.getRecord(narrowed, 1, { id: A, access: without });
    assert.equal(record && "price" in record.values, false);
    const header = (await new Response(engine.exporter.exportStream(narrowed, engine.params.parseListQuery(narrowed, {}))).text()).split("\n")[0];
    assert.doesNotMatch(header!, /Price/);
    // With the permission, the resource is the declared one.
    assert.equal(engine.scope.resourceFor(secret, accessFromRoles([{ name: "r", permissions: ["items:cost"] }])), secret);
  });

  it("refuses definitions naming undeclared field permissions", () => {
    assert.throws(() => engine.define.defineResource({ ...items, fields: items.fields.map((f) => (f.key === "price" ? { ...f, access: { change: "items:cost" } } : f)), permissions: [] }), /neither an action/);
    assert.throws(() => engine.define.defineResource({ ...items, permissions: [{ name: "items:view", label: "x" }] }), /not an action/);
  });
});
