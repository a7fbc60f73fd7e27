import { databaseDialect } from "../env";
import { getDb, ping } from "./index";
import { pendingMigrations } from "./migrate";

/**
 * Run once when a server process starts (instrumentation.ts), never at build
 * time: a database that does not answer, or lacks migrations, stops the start
 * with one clear line instead of failing on the first request.
 */
export async function checkDatabaseAtStartup(): Promise<void> {
  const where = databaseDialect() === "postgres" ? "PostgreSQL (DATABASE_URL)" : "the SQLite file (DATABASE_URL)";
  const db = getDb();
  try {
    await ping(db);
  } catch (error) {
    throw new Error(`Gatehouse cannot reach ${where}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const pending = await pendingMigrations(db);
  if (pending > 0) {
    throw new Error(`${where} lacks ${pending} migration${pending === 1 ? "" : "s"}: run \`npm run db:migrate\` (npm start does) before starting the server.`);
  }
}
