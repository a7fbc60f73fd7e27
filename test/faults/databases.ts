import path from "node:path";
import { sql } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { closeHandle, openPostgres, openSqlite, postgresDb, sqliteDb, type Db } from "../../lib/db";
import { runMigrations } from "../../lib/db/migrate";
import { seed } from "../../lib/db/seed";
import { recreateTestDatabase } from "../../lib/db/test-database";

/** The server of TEST_DATABASE_URL (the local one by default), with database `name`. */
export function postgresUrl(name: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres");
  url.pathname = `/${name}`;
  return url.toString();
}

async function fill(db: Db, bulkItems: number, postgres: boolean): Promise<void> {
  await runMigrations(db);
  await seed(db, { demoUsers: true, items: 10 });
  if (!bulkItems) return;
  if (postgres) {
    await (db as unknown as NodePgDatabase).execute(sql`insert into items (name, category, price_cents, in_stock) select 'Bulk item ' || i, 'tools', i % 100000, true from generate_series(1, ${bulkItems}) as i`);
  } else {
    db.run(sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < ${bulkItems}) insert into items (name, category, price_cents, in_stock) select 'Bulk item ' || i, 'tools', i % 100000, 1 from n`);
  }
}

/** A fresh PostgreSQL test database (named *_test), migrated, with the demo users and `bulkItems` more items. */
export async function preparePostgres(name: string, bulkItems = 0): Promise<string> {
  const url = postgresUrl(name);
  await recreateTestDatabase(url);
  const db = postgresDb(openPostgres(url, 2));
  try {
    await fill(db, bulkItems, true);
  } finally {
    await closeHandle(db);
  }
  return url;
}

/** A migrated SQLite file in `dir` with the demo users and `bulkItems` more items; its DATABASE_URL. */
export async function prepareSqlite(dir: string, bulkItems = 0): Promise<string> {
  const file = path.join(dir, "faults.db");
  const db = sqliteDb(openSqlite(file));
  try {
    await fill(db, bulkItems, false);
  } finally {
    await closeHandle(db);
  }
  return `file:${file}`;
}
