import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/**
 * The kit in SQLite's terms: times are integer milliseconds, booleans
 * integers, JSON is text, and the time of insert is `unixepoch('subsec') *
 * 1000`. Its TypeScript types are the kit's (./kit.ts), so code that uses the
 * tables is written once, against them, for both databases.
 */
export const sqliteKit = {
  table: sqliteTable,
  /** An integer key the database numbers (AUTOINCREMENT; `serial` on PostgreSQL). */
  serialId: <N extends string>(name: N) => integer(name).primaryKey({ autoIncrement: true }),
  text: <N extends string>(name: N) => text(name),
  /** Text limited to `values` in TypeScript; a plain TEXT column on both databases. */
  enumText: <N extends string, const T extends readonly [string, ...string[]]>(name: N, values: T) => text(name, { enum: values }),
  /** Text with a length limit on PostgreSQL (`varchar(n)`); SQLite has only TEXT. */
  varchar: <N extends string>(name: N, _length: number) => text(name),
  integer: <N extends string>(name: N) => integer(name),
  /** A whole number past 2^31 (PostgreSQL `bigint`), read as a JavaScript number. */
  bigint: <N extends string>(name: N) => integer(name),
  boolean: <N extends string>(name: N) => integer(name, { mode: "boolean" }),
  /** A point in time to the millisecond, read as a Date. */
  timestamp: <N extends string>(name: N) => integer(name, { mode: "timestamp_ms" }),
  json: <T, N extends string = string>(name: N) => text(name, { mode: "json" }).$type<T>(),
  /** SQL default: the time of insert. */
  now: () => sql`(unixepoch('subsec') * 1000)`,
  /** SQL default for a JSON column. */
  jsonDefault: (value: unknown) => sql.raw(`'${JSON.stringify(value).replace(/'/g, "''")}'`),
  index,
  uniqueIndex,
  primaryKey,
};
