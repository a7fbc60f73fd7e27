import path from "node:path";
import { defineConfig } from "drizzle-kit";

/** drizzle-kit for the PostgreSQL tables; see drizzle.config.ts for SQLite. */
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema/*.ts",
  // Relative: drizzle-kit reads `out` as a path below the working directory.
  out: path.relative(process.cwd(), path.resolve(process.env.DRIZZLE_MIGRATIONS_DIR ?? "drizzle", "postgres")),
  strict: true,
  verbose: true,
});
