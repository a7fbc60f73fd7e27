import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import type { sqliteKit } from "./kit-sqlite";

/**
 * The words tables are described in, once for both databases (Gatehouse's
 * own in ./tables.ts, an application's each in its own file with
 * ./both.ts): each dialect's kit (./kit-sqlite.ts, ./kit-pg.ts) builds them
 * as that database's Drizzle columns, the way Payload builds one collection
 * for each adapter. What differs is only this:
 *
 *   word          SQLite                          PostgreSQL
 *   serialId      integer AUTOINCREMENT key       serial key
 *   boolean       integer (mode boolean)          boolean
 *   timestamp     integer (mode timestamp_ms)     timestamp(3) with time zone
 *   json          text (mode json)                jsonb
 *   bigint        integer                         bigint (mode number)
 *   varchar       text                            varchar(n)
 *   now()         (unixepoch('subsec') * 1000)    now()
 *   jsonDefault   '<json>'                        '<json>'::jsonb
 *
 * Everything else is Drizzle's own builder API on the returned columns
 * (.notNull(), .default(), .unique(), .primaryKey(), .references(() => col,
 * { onDelete }), .$defaultFn(), .$onUpdateFn(), .$type<T>()), and `index`,
 * `uniqueIndex` and `primaryKey` for the table's extras.
 *
 * The kit is typed as SQLite's builders: the rest of the code is written
 * against one set of types, and the PostgreSQL tables have the same columns
 * and JavaScript types (test/schema-generate.test.ts checks it).
 */
export type Kit = typeof sqliteKit;

/** The columns every editable table has: when a row was made and last changed. */
export function timestamps(k: Kit) {
  return {
    createdAt: k.timestamp("created_at").notNull().default(k.now()),
    updatedAt: k
      .timestamp("updated_at")
      .notNull()
      .default(k.now())
      .$onUpdateFn(() => new Date()),
  };
}

/** A row that belongs to a user (`user_id`), gone when the user is deleted. */
export function userIdOf(k: Kit, users: { id: AnySQLiteColumn }) {
  return k
    .text("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" });
}
