import type { Column, SQL, Table } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";

/**
 * Definitions and the engine name tables by Drizzle's dialect-neutral type.
 * The one query builder type the app uses (lib/db's Db, which runs on both
 * databases) spells its table parameter in SQLite's terms: this is the one
 * place that says so.
 */
export function sqlTable(table: Table): SQLiteTable {
  return table as SQLiteTable;
}

/** A column or a select shape of columns, for the same query builder (see sqlTable). */
export function sqlColumn(column: Column): SQLiteColumn {
  return column as SQLiteColumn;
}

export function sqlFields(shape: Record<string, Column | SQL | undefined>): Record<string, SQLiteColumn | SQL> {
  return shape as Record<string, SQLiteColumn | SQL>;
}
