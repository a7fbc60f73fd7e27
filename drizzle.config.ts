import path from "node:path";
import { defineConfig } from "drizzle-kit";

/**
 * drizzle-kit for the SQLite tables (the default). PostgreSQL's has its own
 * config, drizzle.postgres.config.ts; `npm run db:generate` runs both, then
 * writes the search-index migrations. DRIZZLE_MIGRATIONS_DIR moves the
 * migrations root (the generate test points it at a copy).
 */
export default defineConfig({
  dialect: "sqlite",
  // Every SQLite table exported from lib/db/schema: Gatehouse's own and the application's.
  schema: "./lib/db/schema/*.ts",
  // Relative: drizzle-kit reads `out` as a path below the working directory.
  out: path.relative(process.cwd(), path.resolve(process.env.DRIZZLE_MIGRATIONS_DIR ?? "drizzle", "sqlite")),
  strict: true,
  verbose: true,
});
