import { Column, getTableColumns, getTableName, is, type Table } from "drizzle-orm";
import { IndexedColumn, getTableConfig as pgTableConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";

/**
 * What a definition can learn from a Drizzle table, read the same way for a
 * SQLite and a PostgreSQL table: each dialect keeps its indexes and foreign
 * keys under its own builder classes, so only this module asks which one it has.
 */
export interface TableMeta {
  /** The table's SQL name. */
  name: string;
  /** Columns by property key, in declaration order. */
  columns: ColumnMeta[];
}

export interface ColumnMeta {
  /** The property name in the table object (`priceCents`). */
  property: string;
  column: Column;
  /** The column leads an index or a unique constraint, so a list can be read in its order. */
  indexed: boolean;
  /** The SQL name of the table its foreign key points at, if it has one. */
  references?: string;
  /** Its foreign key's ON DELETE rule ("cascade", "set null", …), if it has one. */
  onDelete?: string;
  maxLength?: number;
}

type Config = ReturnType<typeof sqliteTableConfig> | ReturnType<typeof pgTableConfig>;

function tableConfig(table: Table): Config {
  if (is(table, SQLiteTable)) return sqliteTableConfig(table);
  if (is(table, PgTable)) return pgTableConfig(table);
  throw new Error(`${getTableName(table)}: only SQLite and PostgreSQL tables can be registered`);
}

/** SQL names of the columns that lead an index or unique constraint (the ones a sort can use). */
function leadingColumns(config: Config): Set<string> {
  const lead = new Set<string>();
  for (const index of config.indexes) {
    const first = index.config.columns[0];
    // PostgreSQL wraps indexed columns (for their sort order and operator class); an expression has no name.
    if (is(first, Column) || (is(first, IndexedColumn) && first.name)) lead.add(first.name!);
  }
  for (const unique of config.uniqueConstraints) if (unique.columns[0]) lead.add(unique.columns[0].name);
  for (const column of config.columns) if (column.isUnique) lead.add(column.name);
  return lead;
}

/** Foreign keys of one column: column SQL name → the SQL name of the table it points at and the ON DELETE rule. */
function singleColumnReferences(config: Config): Map<string, { table: string; onDelete?: string }> {
  const out = new Map<string, { table: string; onDelete?: string }>();
  for (const fk of config.foreignKeys) {
    const ref = fk.reference();
    if (ref.columns.length === 1 && ref.columns[0]) out.set(ref.columns[0].name, { table: getTableName(ref.foreignTable), onDelete: fk.onDelete });
  }
  return out;
}

function lengthOf(column: Column): number | undefined {
  const length = (column as Column & { length?: unknown }).length;
  return typeof length === "number" && length > 0 ? length : undefined;
}

const read = new WeakMap<Table, TableMeta>();

/** readTable, once per table (the delete page asks on every request). */
export function tableMeta(table: Table): TableMeta {
  let meta = read.get(table);
  if (!meta) read.set(table, (meta = readTable(table)));
  return meta;
}

export function readTable(table: Table): TableMeta {
  const config = tableConfig(table);
  const lead = leadingColumns(config);
  const refs = singleColumnReferences(config);
  const columns = Object.entries(getTableColumns(table)).map(([property, column]) => ({
    property,
    column,
    indexed: lead.has(column.name),
    references: refs.get(column.name)?.table,
    onDelete: refs.get(column.name)?.onDelete,
    maxLength: lengthOf(column),
  }));
  return { name: config.name, columns };
}
