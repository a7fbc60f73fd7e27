// Creates the throwaway e2e database from scratch: migrations, then demo data.
import fs from "node:fs";
import { E2E_DB_FILE } from "./env";

const url = process.env.DATABASE_URL ?? "";
if (!url.endsWith(E2E_DB_FILE) || !/test/.test(url)) {
  console.error(`Refusing to reset ${url || "(no DATABASE_URL)"}: not the e2e test database.`);
  process.exit(1);
}
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${E2E_DB_FILE}${suffix}`, { force: true });

// The seed refuses demo users in production; this database is a test one.
Object.assign(process.env, { NODE_ENV: "test" });
const { closeDb, getDb } = await import("../lib/db");
const { runMigrations } = await import("../lib/db/migrate");
const { seed } = await import("../lib/db/seed");
const db = getDb();
await runMigrations(db);
await seed(db, { demoUsers: true });
await closeDb();
