import Database from "better-sqlite3";
import pg from "pg";
import Cursor from "pg-cursor";
import { env, sqlitePath } from "../env";
import { dialectOf, getDb, type Db } from "./index";

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
/** SQLite rows read (and turned into CSV by the caller) per turn of the event loop: a few milliseconds' work. */
const SQLITE_ROWS_PER_TURN = 100;

/**
 * Rows of a query as arrays of raw driver values, read lazily in batches
 * through a connection of their own: on PostgreSQL a client outside the
 * request pool (a long export never takes a connection from the pages), on
 * SQLite a read-only connection that yields to the event loop every
 * SQLITE_ROWS_PER_TURN rows (its reads are synchronous: without that, one
 * export would hold up every other request). Finishing or abandoning the iteration releases the
 * connection.
 */
export async function* streamRows(query: { toSQL(): { sql: string; params: unknown[] } }, batch = 500, db: Db = getDb()): AsyncGenerator<unknown[], void, undefined> {
  const { sql: text, params } = query.toSQL();
  if (dialectOf(db) === "postgres") {
    const client = new pg.Client({ connectionString: env.DATABASE_URL, connectionTimeoutMillis: 10_000 });
    // A connection lost mid-export fails the read below; this keeps it from taking the process down.
    client.on("error", () => undefined);
    await client.connect();
    const cursor = client.query(new Cursor(text, params, { rowMode: "array" }));
    try {
      for (;;) {
        const rows = (await cursor.read(batch)) as unknown[][];
        if (rows.length === 0) return;
        yield* rows;
      }
    } finally {
      await cursor.close().catch(() => undefined);
      await client.end().catch(() => undefined);
    }
  }
  const client = new Database(sqlitePath(), { readonly: true, fileMustExist: true });
  try {
    client.pragma("busy_timeout = 5000");
    const rows = client.prepare(text).raw(true).iterate(...params) as IterableIterator<unknown[]>;
    try {
      for (;;) {
        const chunk: unknown[][] = [];
        for (let next = rows.next(); !next.done; next = rows.next()) {
          chunk.push(next.value);
          if (chunk.length === SQLITE_ROWS_PER_TURN) break;
        }
        yield* chunk;
        if (chunk.length < SQLITE_ROWS_PER_TURN) return;
        await nextTurn();
      }
    } finally {
      rows.return?.();
    }
  } finally {
    client.close();
  }
}
