import { sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

/**
 * The few places where SQL differs between databases. The resource engine uses
 * only these and Drizzle's dialect-neutral operators, so that another driver
 * needs changes here, not in resources.
 */

/** Escapes LIKE wildcards so that `%` and `_` typed by a user match themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Case-insensitive substring match; the text is always a bound parameter. */
export function containsInsensitive(column: SQLiteColumn, text: string): SQL {
  // SQLite's LIKE is case-insensitive for ASCII; Postgres would use ILIKE here.
  return sql`${column} LIKE ${`%${escapeLike(text)}%`} ESCAPE '\\'`;
}

/** A translated constraint failure, or null for any other error. */
export function constraintViolation(error: unknown): { kind: "unique" | "foreign-key" | "not-null" | "check"; columns: string[] } | null {
  const e = error as { code?: string; message?: string; cause?: unknown };
  if (e?.cause && !e.code) return constraintViolation(e.cause);
  if (typeof e?.code !== "string" || !e.code.startsWith("SQLITE_CONSTRAINT")) return null;
  const columns = (/failed: (.*)$/.exec(e.message ?? "")?.[1] ?? "").split(",").map((c) => c.trim().split(".").pop() ?? "").filter(Boolean);
  if (e.code === "SQLITE_CONSTRAINT_UNIQUE" || e.code === "SQLITE_CONSTRAINT_PRIMARYKEY") return { kind: "unique", columns };
  if (e.code === "SQLITE_CONSTRAINT_FOREIGNKEY") return { kind: "foreign-key", columns };
  if (e.code === "SQLITE_CONSTRAINT_NOTNULL") return { kind: "not-null", columns };
  return { kind: "check", columns };
}

/** Full-text (trigram) indexes match substrings of at least three characters. */
export const FULL_TEXT_MIN_LENGTH = 3;

function phrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Row ids whose indexed text contains `text`: a subquery on an FTS5 trigram index. */
export function fullTextIds(index: string, text: string): SQL {
  return sql`select rowid from ${sql.identifier(index)} where ${sql.identifier(index)} match ${phrase(text)}`;
}

/** How many rows contain `text`, counting no further than `cap`. */
export function fullTextCount(index: string, text: string, cap: number): SQL<number> {
  return sql<number>`select count(*) as n from (${fullTextIds(index, text)} limit ${cap})`;
}

/**
 * The column as an expression no index can serve (SQLite's unary plus), so
 * that the planner reads rows through the sort order's index and filters
 * them, instead of collecting every match through this column's index and
 * sorting them all.
 */
export function withoutIndex(column: SQLiteColumn): SQL {
  return sql`+${column}`;
}
