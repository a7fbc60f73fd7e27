import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { getTableName, is, SQL, type Table } from "drizzle-orm";
import { getTableConfig as pgConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import * as pg from "../lib/db/schema-pg";
import * as sqlite from "../lib/db/schema-sqlite";

/**
 * The SQLite and PostgreSQL schemas are declared separately (each in its own
 * types); this keeps them describing the same tables.
 */

interface ColumnShape {
  dataType: string;
  notNull: boolean;
  hasDefault: boolean;
  /** A literal default; SQL defaults (the time of insert) are written per dialect. */
  defaultValue: unknown;
  primary: boolean;
  unique: boolean;
  enumValues: string[] | undefined;
}

interface TableShape {
  columns: Record<string, ColumnShape>;
  primaryKeys: string[][];
  indexes: Record<string, { columns: string[]; unique: boolean }>;
  foreignKeys: string[];
}

type AnyConfig = ReturnType<typeof sqliteConfig> | ReturnType<typeof pgConfig>;

function shape(config: AnyConfig): TableShape {
  const columns: Record<string, ColumnShape> = {};
  for (const c of config.columns) {
    columns[c.name] = {
      dataType: c.dataType,
      notNull: c.notNull,
      // A default set in SQL or in JavaScript: either way an insert may omit it.
      hasDefault: c.hasDefault || c.defaultFn !== undefined,
      defaultValue: is(c.default, SQL) ? "(sql)" : c.default,
      primary: c.primary,
      unique: c.isUnique,
      enumValues: c.enumValues,
    };
  }
  const indexes: TableShape["indexes"] = {};
  for (const i of config.indexes) {
    indexes[i.config.name!] = {
      columns: i.config.columns.map((col) => (col as { name: string }).name),
      unique: i.config.unique,
    };
  }
  return {
    columns,
    primaryKeys: config.primaryKeys.map((pk) => pk.columns.map((c) => c.name)),
    indexes,
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const ref = fk.reference();
        const onDelete = (fk as { onDelete?: string }).onDelete ?? "no action";
        return `${ref.columns.map((c) => c.name).join(",")} -> ${(ref.foreignTable as unknown as { [k: symbol]: string })[Symbol.for("drizzle:Name")]}(${ref.foreignColumns.map((c) => c.name).join(",")}) on delete ${onDelete}`;
      })
      .sort(),
  };
}

function tables(module: Record<string, unknown>, kind: typeof SQLiteTable | typeof PgTable): Map<string, Table> {
  const out = new Map<string, Table>();
  for (const value of Object.values(module)) if (is(value, kind)) out.set(getTableName(value), value);
  return out;
}

describe("SQLite and PostgreSQL schemas", () => {
  const lite = tables(sqlite, SQLiteTable);
  const post = tables(pg, PgTable);

  it("declare the same tables", () => {
    assert.deepEqual([...post.keys()].sort(), [...lite.keys()].sort());
    assert.ok(lite.size >= 8, "every table is found");
  });

  for (const name of [...lite.keys()].sort()) {
    it(`agree on ${name}: columns, types, nullability, defaults, keys and indexes`, () => {
      const a = shape(sqliteConfig(lite.get(name) as never));
      const b = shape(pgConfig(post.get(name) as never));
      assert.deepEqual(b, a);
    });
  }
});

describe("reading a table's indexes", () => {
  it("works on either database's table (the list planner reads them at run time)", async () => {
    const { indexColumns } = await import("../lib/db/dialect");
    const sorted = (xs: string[][]) => xs.map((x) => x.join(",")).sort();
    assert.deepEqual(sorted(indexColumns(pg.items)), sorted(indexColumns(sqlite.items)));
    assert.ok(sorted(indexColumns(pg.items)).includes("category,created_at"));
  });
});
