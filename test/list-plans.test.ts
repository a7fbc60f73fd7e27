import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import Database from "better-sqlite3";
import { ITEM_CATEGORIES } from "../lib/db/schema/item-categories";

/**
 * The list reads rows in index order and stops at the page: for the default
 * sort with each single filter, and for each sortable column, the plan of the
 * query the engine runs sorts nothing (no temporary b-tree for ORDER BY).
 */

const ITEMS = 30_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gatehouse-plans-"));
const file = path.join(dir, "plans.db");
// Before lib/env is first imported (below, dynamically), so that the engine's database is this one.
process.env.DATABASE_URL = `file:${file}`;
let client: Database.Database;
let ownerId: string;

async function seed(): Promise<void> {
  const { getDb } = await import("../lib/db");
  const { runMigrations } = await import("../lib/db/migrate");
  await runMigrations(getDb());
  const db = new Database(file);
  ownerId = crypto.randomUUID();
  db.prepare("insert into users (id, email, security_stamp) values (?, 'owner@example.com', 'x')").run(ownerId);
  const insert = db.prepare("insert into items (name, category, price_cents, in_stock, owner_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)");
  db.transaction(() => {
    for (let i = 1; i <= ITEMS; i++) {
      const at = Date.UTC(2024, 0, 1) + i * 60_000;
      insert.run(`item ${i}`, ITEM_CATEGORIES[(i * 31) % 10], (i * 7919) % 100_000, i % 5 === 0 ? 0 : 1, i % 3 === 0 ? ownerId : null, at, at);
    }
  })();
  db.exec("analyze");
  db.close();
}

describe("list query plans on a seeded table", () => {
  let explain: (params: Record<string, string>) => Promise<{ plan: string[]; total: number }>;

  before(async () => {
    await seed();
    const { getDb } = await import("../lib/db");
    const { getResource } = await import("../lib/resources/registry");
    const { parseListQuery } = await import("../lib/resources/engine/params");
    const { planList } = await import("../lib/resources/engine/plan");
    client = (getDb() as unknown as { $client: Database.Database }).$client;
    const items = getResource("items")!;
    explain = async (params) => {
      const { select, total } = await planList(items, parseListQuery(items, { per: "50", ...params }));
      const { sql, params: values } = select.toSQL();
      const rows = client.prepare(`explain query plan ${sql}`).all(...values) as { detail: string }[];
      return { plan: rows.map((r) => r.detail), total };
    };
  });
  after(() => {
    client?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const readsInOrder = async (params: Record<string, string>) => {
    const { plan, total } = await explain(params);
    assert.ok(total > 2_000, `the case needs many matches to mean anything (${total})`);
    assert.ok(!plan.some((d) => /TEMP B-TREE FOR .*ORDER BY/.test(d)), `${JSON.stringify(params)} sorts: ${plan.join(" | ")}`);
  };

  it("default sort, unfiltered and with each single filter", async () => {
    await readsInOrder({});
    await readsInOrder({ category: "books" });
    await readsInOrder({ price_min: "0", price_max: "600" });
    await readsInOrder({ in_stock: "true" });
    await readsInOrder({ in_stock: "false" });
    await readsInOrder({ owner: ownerId });
    await readsInOrder({ created_from: "2024-01-01", created_to: "2024-12-31" });
  });

  it("each sortable column, both ways", async () => {
    for (const key of ["name", "category", "price", "inStock", "createdAt"]) {
      await readsInOrder({ sort: key });
      await readsInOrder({ sort: `-${key}` });
    }
  });

  it("a page before a keyset cursor: read backwards through the same index", async () => {
    const { encodeCursor } = await import("../lib/resources/engine/params");
    const i = 15_000;
    const values: Record<string, string | number> = { createdAt: Date.UTC(2024, 0, 1) + i * 60_000, name: `item ${i}`, price: (i * 7919) % 100_000, category: ITEM_CATEGORIES[(i * 31) % 10]! };
    for (const [key, value] of Object.entries(values)) {
      const before = encodeCursor({ value, id: i });
      await readsInOrder({ sort: key, before });
      await readsInOrder({ sort: `-${key}`, before });
    }
    await readsInOrder({ before: encodeCursor({ value: values.createdAt!, id: i }), category: "books" });
    await readsInOrder({ sort: "name", before: encodeCursor({ value: values.name!, id: i }), category: "books" });
  });

  it("Next then Previous from a keyset page gives the same rows back", async () => {
    const { getResource } = await import("../lib/resources/registry");
    const { parseListQuery, encodeCursor } = await import("../lib/resources/engine/params");
    const { listRows } = await import("../lib/resources/panel");
    const items = getResource("items")!;
    for (const params of [{ sort: "createdAt" }, { sort: "-price", category: "books" }, { sort: "name" }]) {
      const list = (extra: Record<string, string>) => listRows(items, parseListQuery(items, { per: "50", ...params, ...extra }));
      const start = await list({ page: "21" });
      const here = await list({ after: encodeCursor(start.next!) });
      const further = await list({ after: encodeCursor(here.next!) });
      const back = await list({ before: encodeCursor(further.prev!) });
      assert.equal(here.rows.length, 50);
      assert.deepEqual(back.rows.map((r) => r.id), here.rows.map((r) => r.id), JSON.stringify(params));
      assert.equal(back.byCursor, true);
      // The eleventh row's cursor: the first row after a page of ten.
      const ten = await list({ per: "10" });
      const eleventh = (await list({ per: "10", after: encodeCursor(ten.next!) })).prev!;
      const first = await list({ page: "1" });
      const nearStart = await list({ before: encodeCursor(eleventh) });
      assert.equal(nearStart.byCursor, false, "fewer rows than a page before the cursor: the first page instead");
      assert.deepEqual(nearStart.rows.map((r) => r.id), first.rows.map((r) => r.id));
    }
  });

  it("a filter on another column than the sort", async () => {
    await readsInOrder({ sort: "name", category: "books" });
    await readsInOrder({ sort: "-price", in_stock: "true" });
  });
});
