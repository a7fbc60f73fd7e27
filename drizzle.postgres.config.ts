import { defineConfig } from "drizzle-kit";

/** drizzle-kit for the PostgreSQL schema; see drizzle.config.ts for SQLite. */
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema-pg.ts",
  out: "./drizzle/postgres",
  strict: true,
  verbose: true,
});
