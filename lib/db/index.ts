import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { drizzle as drizzleSqlite, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { drizzle as drizzlePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import { databaseDialect, env, sqlitePath, type Dialect } from "../env";
import { logFailure } from "../log";
import * as pgSchema from "./schema/pg";
import * as sqliteSchema from "./schema/sqlite";
import { checkSqlitePath } from "./sqlite-path";

/**
 * The one place that opens database connections, for SQLite (a file beside
 * the process) and PostgreSQL (a pool per process). Queries everywhere are
 * written once, against `Db`, and awaited; they never use SQLite's synchronous
 * `.get()`/`.all()`/`.run()`, and every write goes through `writeTransaction`.
 */
export type Db = BetterSQLite3Database<typeof sqliteSchema>;
/** A database handle inside a write transaction (the same API). */
export type Tx = Db;

interface Handle {
  dialect: Dialect;
  /** Runs `fn` in a write transaction on this handle. */
  transaction<T>(fn: (tx: Db) => Promise<T>, lock: string | undefined): Promise<T>;
  close(): Promise<void>;
}

// On globalThis, like the handle itself: Next.js may load this module once per
// bundle (pages, route handlers, server actions), and all of them share one handle.
const shared = globalThis as unknown as { gatehouseDbHandles?: WeakMap<object, Handle>; gatehouseDbInTransaction?: WeakSet<object> };
const handles = (shared.gatehouseDbHandles ??= new WeakMap<object, Handle>());
/** Handles that are themselves a transaction in progress: nested writes join it. */
const inTransaction = (shared.gatehouseDbInTransaction ??= new WeakSet<object>());

// bigint (count(*), sums) as a JavaScript number: counts here stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** Opens a SQLite file with the settings Gatehouse relies on. */
export function openSqlite(file: string): Database.Database {
  checkSqlitePath(file);
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
 * A Db over an open SQLite client. Write transactions run on a second
 * connection to the same file, one at a time, each beginning IMMEDIATE: the
 * write lock is taken before the first read, so a writer in another process
 * (the CLI against a live server) makes it wait out busy_timeout instead of
 * failing with SQLITE_BUSY_SNAPSHOT. Reads on the first connection see only
 * committed data (WAL), never a transaction half done.
 */
export function sqliteDb(client: Database.Database): Db {
  const db = drizzleSqlite({ client, schema: sqliteSchema });
  let writer: { client: Database.Database; db: Db } | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const writerFor = () => {
    if (!writer) {
      const file = client.name;
      const wclient = client.memory || file === ":memory:" ? client : openSqlite(file);
      writer = { client: wclient, db: drizzleSqlite({ client: wclient, schema: sqliteSchema }) };
      inTransaction.add(writer.db);
    }
    return writer;
  };
  handles.set(db, {
    dialect: "sqlite",
    transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      const run = async () => {
        const w = writerFor();
        w.client.exec("BEGIN IMMEDIATE");
        try {
          const result = await fn(w.db);
          w.client.exec("COMMIT");
          return result;
        } catch (error) {
          if (w.client.inTransaction) w.client.exec("ROLLBACK");
          throw error;
        }
      };
      const next = queue.then(run, run);
      queue = next.catch(() => undefined);
      return next;
    },
    async close() {
      await queue;
      if (writer && writer.client !== client) writer.client.close();
      client.close();
    },
  });
  return db;
}

/** A Db over a PostgreSQL pool (typed like the SQLite one; the tables have the same shape). */
export function postgresDb(pool: pg.Pool): Db {
  const db = drizzlePg({ client: pool, schema: pgSchema });
  handles.set(db, {
    dialect: "postgres",
    transaction<T>(fn: (tx: Db) => Promise<T>, lock: string | undefined): Promise<T> {
      return db.transaction(async (tx) => {
        // Changes that check an invariant across rows (the last active admin)
        // take one lock, so two of them never both pass on stale counts.
        inTransaction.add(tx);
        if (lock) await advisoryLock(tx as unknown as Db, lock);
        return fn(tx as unknown as Db);
      });
    },
    close: () => pool.end(),
  });
  return db as unknown as Db;
}

async function advisoryLock(tx: Db, lock: string): Promise<void> {
  await (tx as unknown as NodePgDatabase).execute(sql`select pg_advisory_xact_lock(hashtext(${`gatehouse:${lock}`}))`);
}

/** A pool for DATABASE_URL: one per process, at most DATABASE_POOL_MAX connections. */
export function openPostgres(url: string = env.DATABASE_URL, max: number = env.DATABASE_POOL_MAX): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 10_000 });
  // An idle client that loses its server must not take the process down.
  pool.on("error", (error) => logFailure("idle PostgreSQL connection failed", error));
  return pool;
}

const g = globalThis as unknown as { gatehouseDb?: Db };

/**
 * The one database handle of the process, opened on first use so that
 * `next build` never opens a connection. Kept on globalThis so dev-server
 * reloads reuse it instead of leaking connections.
 */
export function getDb(): Db {
  g.gatehouseDb ??= databaseDialect() === "postgres" ? postgresDb(openPostgres()) : sqliteDb(openSqlite(sqlitePath()));
  return g.gatehouseDb;
}

/** Closes the process's handle (scripts call this before exiting). */
export async function closeDb(): Promise<void> {
  const db = g.gatehouseDb;
  g.gatehouseDb = undefined;
  if (db) await handles.get(db)?.close();
}

/** Closes a handle made by sqliteDb or postgresDb. */
export async function closeHandle(db: Db): Promise<void> {
  await handles.get(db)?.close();
}

/** Which database a handle talks to. */
export function dialectOf(db: Db): Dialect {
  return handles.get(db)?.dialect ?? databaseDialect();
}

/**
 * The one way to write: `fn` runs in a transaction that holds the write lock
 * from its start and commits when `fn` resolves (rolls back when it throws).
 * Called with a handle that is already in a transaction, `fn` joins it.
 * `lock` names an invariant that concurrent transactions must check one at a
 * time (SQLite serialises every write transaction anyway).
 */
export function writeTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>, options: { lock?: string } = {}): Promise<T> {
  if (inTransaction.has(db)) return options.lock && dialectOf(db) === "postgres" ? advisoryLock(db, options.lock).then(() => fn(db)) : fn(db);
  const handle = handles.get(db);
  if (!handle) throw new Error("writeTransaction: not a handle from lib/db");
  return handle.transaction(fn, options.lock);
}

/** Asks the database for nothing: throws when it cannot be reached. */
/**
 * Whether every PostgreSQL connection of the pool is taken by work in progress.
 * Those connections show the database answered; a probe would only queue
 * behind them (with DATABASE_POOL_MAX=1, behind one slow list) and time out.
 */
export function poolBusy(db: Db = getDb()): boolean {
  if (dialectOf(db) !== "postgres") return false;
  const pool = (db as unknown as { $client: pg.Pool }).$client;
  return pool.idleCount === 0 && pool.totalCount >= (pool.options.max ?? 10);
}

export async function ping(db: Db = getDb()): Promise<void> {
  if (dialectOf(db) === "postgres") await (db as unknown as NodePgDatabase).execute(sql`select 1`);
  else db.run(sql`select 1`);
}

export { sqliteSchema as schema };
