import { inArray, is, sql, type Column, type SQL, type Table } from "drizzle-orm";
import { getTableConfig as pgTableConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteTableConfig, type SQLiteTable } from "drizzle-orm/sqlite-core";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { databaseDialect } from "../env";
import { getDb, type Db } from "./index";

/**
 * The few places where SQL differs between SQLite and PostgreSQL. The resource
 * engine uses only these and Drizzle's dialect-neutral operators, so resource
 * definitions and queries never name a database.
 */

const postgres = () => databaseDialect() === "postgres";

/** Escapes LIKE wildcards so that `%` and `_` typed by a user match themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Case-insensitive substring match; the text is always a bound parameter. */
export function containsInsensitive(column: Column, text: string): SQL {
  const pattern = `%${escapeLike(text)}%`;
  // SQLite's LIKE ignores ASCII case; PostgreSQL's ILIKE (served by a trigram index) ignores case.
  return postgres() ? sql`${column} ILIKE ${pattern} ESCAPE '\\'` : sql`${column} LIKE ${pattern} ESCAPE '\\'`;
}

export type ConstraintKind = "unique" | "foreign-key" | "not-null" | "check";

const PG_CODES: Record<string, ConstraintKind> = { "23505": "unique", "23503": "foreign-key", "23502": "not-null", "23514": "check" };

/** A translated constraint failure, or null for any other error. */
export function constraintViolation(error: unknown): { kind: ConstraintKind; columns: string[] } | null {
  const e = error as { code?: string; message?: string; cause?: unknown; column?: string; detail?: string };
  if (e?.cause && !e.code) return constraintViolation(e.cause);
  if (typeof e?.code !== "string") return null;
  if (e.code in PG_CODES) {
    // "Key (email)=(a@b.c) already exists." names the columns of a unique or foreign key.
    const key = /^Key \(([^)]*)\)/.exec(e.detail ?? "")?.[1];
    const columns = e.column ? [e.column] : key ? key.split(",").map((c) => c.trim().replace(/"/g, "")) : [];
    return { kind: PG_CODES[e.code]!, columns };
  }
  if (!e.code.startsWith("SQLITE_CONSTRAINT")) return null;
  const columns = (/failed: (.*)$/.exec(e.message ?? "")?.[1] ?? "").split(",").map((c) => c.trim().split(".").pop() ?? "").filter(Boolean);
  if (e.code === "SQLITE_CONSTRAINT_UNIQUE" || e.code === "SQLITE_CONSTRAINT_PRIMARYKEY") return { kind: "unique", columns };
  if (e.code === "SQLITE_CONSTRAINT_FOREIGNKEY") return { kind: "foreign-key", columns };
  if (e.code === "SQLITE_CONSTRAINT_NOTNULL") return { kind: "not-null", columns };
  return { kind: "check", columns };
}

/**
 * Inside a write transaction: holds the row until commit, so a concurrent
 * writer of the same row waits and then reads what this one wrote. SQLite
 * needs nothing here (a write transaction there holds the whole database).
 */
export async function lockRowForUpdate(tx: Db, table: Table, idColumn: Column, id: unknown): Promise<void> {
  if (!postgres()) return;
  await (tx as unknown as NodePgDatabase).execute(sql`select 1 from ${table} where ${idColumn} = ${sql.param(id, idColumn)} for update`);
}

/** lockRowForUpdate for several rows, locked in id order so that two such writers cannot deadlock. */
export async function lockRowsForUpdate(tx: Db, table: Table, idColumn: Column, ids: unknown[]): Promise<void> {
  if (!postgres() || ids.length === 0) return;
  await (tx as unknown as NodePgDatabase).execute(sql`select 1 from ${table} where ${inArray(idColumn, ids)} order by ${idColumn} for update`);
}

/**
 * The column as an expression no index can serve (SQLite's unary plus), so
 * that the planner reads rows through the sort order's index and filters
 * them, instead of collecting every match through this column's index and
 * sorting them all. PostgreSQL's planner weighs that itself (and has no unary
 * plus for text): the column stays as it is there.
 */
export function withoutIndex(column: Column): SQL {
  return postgres() ? sql`${column}` : sql`+${column}`;
}

/** The column names of each index of a table (either database's table). */
export function indexColumns(table: Table): string[][] {
  const indexes = is(table, PgTable) ? pgTableConfig(table).indexes : sqliteTableConfig(table as SQLiteTable).indexes;
  return indexes.map((index) => index.config.columns.map((column) => (column as { name?: string }).name ?? ""));
}

/** Full-text (trigram) indexes match substrings of at least three characters. */
export const FULL_TEXT_MIN_LENGTH = 3;

function phrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

export interface FullTextTarget {
  /** SQLite: the FTS5 table kept in step with the resource's table. */
  searchIndex: string;
  id: Column;
  columns: Column[];
}

/**
 * Rows whose search columns contain `text`, through the full-text index: a
 * subquery on SQLite's FTS5 table, or on PostgreSQL the same ILIKE match,
 * which its trigram GIN indexes answer without scanning the table.
 */
export function fullTextMatch(target: FullTextTarget, text: string): SQL {
  if (postgres()) return sql`(${sql.join(target.columns.map((c) => containsInsensitive(c, text)), sql` or `)})`;
  const index = sql.identifier(target.searchIndex);
  return sql`${target.id} in (select rowid from ${index} where ${index} match ${phrase(text)})`;
}

/** How many rows match through the full-text index, counting no further than `cap`. */
export async function fullTextCount(target: FullTextTarget & { table: unknown }, text: string, cap: number): Promise<number> {
  const db = getDb();
  if (postgres()) {
    const inner = sql`select 1 from ${target.table} where ${fullTextMatch(target, text)} limit ${cap}`;
    const result = await (db as unknown as NodePgDatabase).execute<{ n: number }>(sql`select count(*) as n from (${inner}) as bounded`);
    return Number(result.rows[0]?.n ?? 0);
  }
  const index = sql.identifier(target.searchIndex);
  const row = await db.get<{ n: number }>(sql`select count(*) as n from (select rowid from ${index} where ${index} match ${phrase(text)} limit ${cap})`);
  return row?.n ?? 0;
}
