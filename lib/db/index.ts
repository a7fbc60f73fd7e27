import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { sqlitePath } from "../env";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { gatehouseDb?: { db: Db; client: Database.Database } };

/** Opens a SQLite file with the settings Gatehouse relies on. */
export function openSqlite(file: string): Database.Database {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const client = new Database(file);
  client.pragma("journal_mode = WAL");
  client.pragma("busy_timeout = 5000");
  client.pragma("foreign_keys = ON");
  client.pragma("synchronous = NORMAL");
  // Fresh planner statistics where they are missing or stale (e.g. after a
  // migration added an index), bounded so that opening a large file stays quick.
  client.pragma("analysis_limit = 400");
  client.pragma("optimize = 0x10002");
  return client;
}

/**
 * The one database handle of the process, opened on first use so that
 * `next build` never creates a database file. Kept on globalThis so dev-server
 * reloads reuse it instead of leaking connections.
 */
export function getDb(): Db {
  if (!globalForDb.gatehouseDb) {
    const client = openSqlite(sqlitePath());
    globalForDb.gatehouseDb = { client, db: drizzle({ client, schema }) };
  }
  return globalForDb.gatehouseDb.db;
}

/** Closes the handle (scripts call this before exiting). */
export function closeDb(): void {
  globalForDb.gatehouseDb?.client.close();
  globalForDb.gatehouseDb = undefined;
}

export { schema };

/**
 * The one way to write: a transaction that begins IMMEDIATE. It takes the
 * write lock before its first read, so a writer in another process (the CLI
 * against a live server, a second instance) makes it wait out busy_timeout.
 * A DEFERRED transaction would read first and then fail at once on the
 * upgrade to writing (SQLITE_BUSY_SNAPSHOT), which no timeout waits out.
 */
export function writeTransaction<T>(db: Db, fn: (tx: Tx) => T): T {
  return db.transaction(fn, { behavior: "immediate" });
}

/**
 * Rows of a query as arrays, read lazily through a connection of their own so
 * that a long export neither holds the shared connection nor loads every row
 * into memory. Closing the iterator (or finishing it) closes the connection.
 */
export function* iterateRows(query: { toSQL(): { sql: string; params: unknown[] } }): Generator<unknown[], void, undefined> {
  const { sql, params } = query.toSQL();
  const client = new Database(sqlitePath(), { readonly: true, fileMustExist: true });
  try {
    client.pragma("busy_timeout = 5000");
    yield* client.prepare(sql).raw(true).iterate(...params) as IterableIterator<unknown[]>;
  } finally {
    client.close();
  }
}
