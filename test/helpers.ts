import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { closeHandle, openSqlite, sqliteDb, type Db } from "../lib/db";
import { migrationsFolder } from "../lib/db/migrate";

/** A migrated SQLite database in a fresh temporary file, removed by `cleanup`. */
export function tempDb(): { db: Db; cleanup: () => Promise<void> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gatehouse-test-"));
  const db = sqliteDb(openSqlite(path.join(dir, "test.db")));
  migrate(db, { migrationsFolder: migrationsFolder("sqlite") });
  return {
    db,
    cleanup: async () => {
      await closeHandle(db);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
