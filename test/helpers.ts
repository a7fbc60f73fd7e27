import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { openSqlite, schema, type Db } from "../lib/db";
import { runMigrations } from "../lib/db/migrate";

/** A migrated database in a fresh temporary file, removed by `cleanup`. */
export function tempDb(): { db: Db; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gatehouse-test-"));
  const client = openSqlite(path.join(dir, "test.db"));
  const db = drizzle({ client, schema });
  runMigrations(db);
  return {
    db,
    cleanup: () => {
      client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
