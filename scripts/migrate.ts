import "./load-env";
import { closeDb, getDb } from "../lib/db";
import { runMigrations } from "../lib/db/migrate";
import { databaseDialect, sqlitePath } from "../lib/env";

// Applies the migrations of the database DATABASE_URL names (drizzle/sqlite or drizzle/postgres).
try {
  await runMigrations(getDb());
  console.log(`Database ${databaseDialect() === "postgres" ? "(PostgreSQL)" : sqlitePath()} is up to date.`);
} catch (error) {
  console.error(`Could not migrate the database: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await closeDb();
}
