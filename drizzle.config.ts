import { defineConfig } from "drizzle-kit";

/**
 * drizzle-kit for the SQLite schema (the default). PostgreSQL's twin has its
 * own config, drizzle.postgres.config.ts; `npm run db:generate` runs both.
 */
export default defineConfig({
  dialect: "sqlite",
  schema: "./lib/db/schema-sqlite.ts",
  out: "./drizzle/sqlite",
  strict: true,
  verbose: true,
});
