import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { getTableName, is, SQL, type Table } from "drizzle-orm";
import { getTableConfig as pgConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { indexColumns } from "../lib/db/dialect";
import * as items from "../lib/db/schema/items";
import * as pg from "../lib/db/schema/pg";
import * as sqlite from "../lib/db/schema/sqlite";

/**
 * Both databases' tables are built from one description and typed as
 * SQLite's; this checks the JavaScript side the migrations do not show: each
 * column reads as the same JavaScript type, with the same nullability,
 * defaults and enum values, on either database.
 */

type AnyConfig = ReturnType<typeof sqliteConfig> | ReturnType<typeof pgConfig>;

function shape(config: AnyConfig) {
  const columns = config.columns.map((c) => ({
    name: c.name,
    dataType: c.dataType,
    notNull: c.notNull,
    // A default set in SQL or in JavaScript: either way an insert may omit it.
    hasDefault: c.hasDefault || c.defaultFn !== undefined,
    onUpdate: c.onUpdateFn !== undefined,
    defaultValue: is(c.default, SQL) ? "(sql)" : c.default,
    primary: c.primary,
    enumValues: c.enumValues,
  }));
  const indexes = config.indexes.map((i) => `${i.config.name}${i.config.unique ? " unique" : ""}`);
  return { columns, indexes, primaryKeys: config.primaryKeys.map((pk) => pk.getName()), foreignKeys: config.foreignKeys.map((fk) => fk.getName()) };
}

function tables(module: Record<string, unknown>, kind: typeof SQLiteTable | typeof PgTable): Map<string, Table> {
  return new Map(
    Object.values(module)
      .filter((value): value is Table => is(value, kind))
      .map((t) => [getTableName(t), t]),
  );
}

describe("the SQLite and PostgreSQL tables built from one description", () => {
  // An application's table (items) exports its build for each database beside Gatehouse's.
  const lite = tables({ ...sqlite, ...items }, SQLiteTable);
  const post = tables({ ...pg, ...items }, PgTable);

  it("are the same tables, each built for its database", () => {
    assert.deepEqual([...post.keys()].sort(), [...lite.keys()].sort());
    assert.equal(lite.size, 14);
  });

  for (const name of [...lite.keys()].sort()) {
    it(`agree on ${name}: JavaScript types, nullability, defaults, keys and indexes`, () => {
      assert.deepEqual(shape(pgConfig(post.get(name) as never)), shape(sqliteConfig(lite.get(name) as never)));
    });
  }

  it("expose their indexes to the list planner the same way", () => {
    const sorted = (xs: string[][]) => xs.map((x) => x.join(",")).sort();
    assert.deepEqual(sorted(indexColumns(items.itemsOnPg)), sorted(indexColumns(items.itemsOnSqlite)));
    assert.ok(sorted(indexColumns(items.itemsOnPg)).includes("category,created_at"));
  });
});
