import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { Db } from "./index";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");

/** Applies the committed migrations in drizzle/ that the database has not seen yet. */
export function runMigrations(db: Db): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}
