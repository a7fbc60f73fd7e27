import "./load-env";
import { closeDb, getDb } from "../lib/db";
import { runMigrations } from "../lib/db/migrate";
import { rootCause } from "../lib/db/unavailable";
import { databaseDialect, sqlitePath } from "../lib/env";

// Applies the migrations of the database DATABASE_URL names (drizzle/sqlite or drizzle/postgres).
try {
  await runMigrations(getDb());
  console.log(`Database ${databaseDialect() === "postgres" ? "(PostgreSQL)" : sqlitePath()} is up to date.`);
} catch (error) {
  // The driver's own words (ECONNREFUSED, "database … does not exist"), not Drizzle's wrapper with its SQL.
  const cause = rootCause(error);
  console.error(`Could not migrate the database (DATABASE_URL): ${cause.message}${cause.code ? ` (${cause.code})` : ""}`);
  process.exitCode = 1;
} finally {
  await closeDb();
}
