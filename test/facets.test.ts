import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import Database from "better-sqlite3";
import { accessFromRoles } from "../lib/permissions";
import type { Viewer } from "../lib/resources/scope";
import type { Resource } from "../lib/resources/types";

/**
 * The filter sidebar's counts against a real database: each choice counted
 * with the search and the other filters in place but its own filter replaced,
 * bounded at FACET_CAP, and only over the rows the viewer may view.
 */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gatehouse-facets-"));
const file = path.join(dir, "facets.db");
// Before lib/env is first imported (below, dynamically), so that the engine's database is this one.
process.env.DATABASE_URL = `file:${file}`;

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const viewer = (id: string, permissions: string[]): Viewer => ({ id, access: accessFromRoles([{ name: "r", permissions }]) });
const contributor = viewer(A, ["items:view:own"]);
const everyone = viewer(B, ["items:view"]);

let raw: Database.Database;
let items: Resource;
let facets: typeof import("../lib/resources/engine/facets");
let params: typeof import("../lib/resources/engine/params");

/** 1,200 books of A's (every third out of stock), 3 tools of A's and 4 of B's (in stock), 1 garden item of nobody's. */
before(async () => {
  const { getDb } = await import("../lib/db");
  const { runMigrations } = await import("../lib/db/migrate");
  await runMigrations(getDb());
  raw = new Database(file);
  for (const [id, email] of [[A, "a@example.com"], [B, "b@example.com"]]) raw.prepare("insert into users (id, email, name, security_stamp) values (?, ?, ?, 'x')").run(id, email, email!.slice(0, 1));
  const insert = raw.prepare("insert into items (name, category, price_cents, in_stock, owner_id, created_at, updated_at) values (?, ?, 100, ?, ?, ?, ?)");
  const at = Date.now();
  raw.transaction(() => {
    for (let i = 0; i < 1200; i++) insert.run(`book ${i}`, "books", i % 3 === 0 ? 0 : 1, A, at, at);
    for (let i = 0; i < 3; i++) insert.run(`tool a${i}`, "tools", 1, A, at, at);
    for (let i = 0; i < 4; i++) insert.run(`tool b${i}`, "tools", 1, B, at, at);
    insert.run("rake", "garden", 1, null, at - 400 * 86_400_000, at - 400 * 86_400_000);
  })();
  facets = await import("../lib/resources/engine/facets");
  params = await import("../lib/resources/engine/params");
  items = (await import("../lib/resources/registry")).getResource("items")!;
});

after(() => {
  raw?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const def = (param: string) => items.filters!.find((f) => f.param === param)!;
const choices = () => [
  { param: "category", key: "", filter: null },
  { param: "category", key: "books", filter: { def: def("category"), kind: "enum" as const, values: ["books"] } },
  { param: "category", key: "tools", filter: { def: def("category"), kind: "enum" as const, values: ["tools"] } },
  { param: "category", key: "garden", filter: { def: def("category"), kind: "enum" as const, values: ["garden"] } },
  { param: "in_stock", key: "false", filter: { def: def("in_stock"), kind: "boolean" as const, value: false } },
  { param: "created", key: "today", filter: { def: def("created"), kind: "date-range" as const, preset: "today" as const, from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 86_400_000) } },
];

async function counts(v: Viewer, query: Record<string, string>) {
  const out = await facets.facetCounts(items, params.parseListQuery(items, query), v, choices());
  return Object.fromEntries([...out].map(([k, c]) => [k, `${c.count}${c.capped ? "+" : ""}`]));
}

describe("facet counts", () => {
  it("count each choice exactly up to the cap, and say 1,000+ beyond it", async () => {
    assert.deepEqual(await counts(everyone, {}), { "category=": "1000+", "category=books": "1000+", "category=tools": "7", "category=garden": "1", "in_stock=false": "400", "created=today": "1000+" });
  });

  it("keep the other filters and the search, and replace the choice's own filter", async () => {
    assert.deepEqual(await counts(everyone, { category: "tools", q: "tool" }), { "category=": "7", "category=books": "0", "category=tools": "7", "category=garden": "0", "in_stock=false": "0", "created=today": "7" });
    assert.deepEqual(await counts(everyone, { in_stock: "false" }), { "category=": "400", "category=books": "400", "category=tools": "0", "category=garden": "0", "in_stock=false": "400", "created=today": "400" });
  });

  it("count only the rows a contributor may view", async () => {
    const mine = await counts(contributor, { category: "tools" });
    assert.equal(mine["category=tools"], "3");
    assert.equal(mine["category=garden"], "0");
    assert.equal(mine["created=today"], "3");
    assert.equal((await counts(viewer(A, []), {}))["category="], "0");
  });
});
