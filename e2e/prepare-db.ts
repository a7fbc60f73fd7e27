// Creates the throwaway e2e database from scratch: migrations, then demo data.
import fs from "node:fs";
import { E2E_DATABASE_URL, E2E_DB_FILE, E2E_DIALECT } from "./env";

const url = process.env.DATABASE_URL ?? "";
if (url !== E2E_DATABASE_URL || !/test/.test(url)) {
  console.error(`Refusing to reset ${url || "(no DATABASE_URL)"}: not the e2e test database.`);
  process.exit(1);
}
if (E2E_DIALECT === "postgres") {
  const { recreateTestDatabase } = await import("../lib/db/test-database");
  await recreateTestDatabase(url);
} else {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${E2E_DB_FILE}${suffix}`, { force: true });
}

// The seed refuses demo users in production; this database is a test one.
Object.assign(process.env, { NODE_ENV: "test" });
const { closeDb, getDb } = await import("../lib/db");
const { runMigrations } = await import("../lib/db/migrate");
const { seed } = await import("../lib/db/seed");
const db = getDb();
await runMigrations(db);
await seed(db, { demoUsers: true });
await closeDb();
