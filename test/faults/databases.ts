import path from "node:path";
import { recreateTestDatabase } from "../../lib/db/test-database";
import { run } from "./support";

/** The server of TEST_DATABASE_URL (the local one by default), with database `name`. */
export function postgresUrl(name: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres");
  url.pathname = `/${name}`;
  return url.toString();
}

async function fill(url: string, bulkItems: number): Promise<void> {
  const exit = await run(path.resolve("node_modules/.bin/tsx"), ["test/faults/prepare-db.ts", String(bulkItems)], { DATABASE_URL: url, NODE_ENV: "test" }, 120_000);
  if (exit.code !== 0) throw new Error(`preparing ${url} failed:\n${exit.stdout}\n${exit.stderr}`);
}

/** A fresh PostgreSQL test database (named *_test), migrated, with the demo users and `bulkItems` more items. */
export async function preparePostgres(name: string, bulkItems = 0): Promise<string> {
  const url = postgresUrl(name);
  await recreateTestDatabase(url);
  await fill(url, bulkItems);
  return url;
}

/** A migrated SQLite file in `dir` with the demo users and `bulkItems` more items; its DATABASE_URL. */
export async function prepareSqlite(dir: string, bulkItems = 0): Promise<string> {
  const url = `file:${path.join(dir, "faults.db")}`;
  await fill(url, bulkItems);
  return url;
}
