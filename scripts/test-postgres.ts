// npm run test:e2e:postgres — the e2e suite again, on a fresh PostgreSQL
// database (created and dropped by the run) on the server of TEST_DATABASE_URL.
// Without a server it says so and stops, unless CI=true, where that fails.
import { spawnSync } from "node:child_process";
import { postgresAnswers } from "../lib/db/test-database";

process.env.E2E_DB = "postgres";
const { e2ePostgresUrl } = await import("../e2e/env");
const url = e2ePostgresUrl();
const where = new URL(url).host;

if (!(await postgresAnswers(url))) {
  if (process.env.CI) {
    console.error(`PostgreSQL does not answer at ${where} (TEST_DATABASE_URL): the PostgreSQL e2e run cannot pass.`);
    process.exit(1);
  }
  console.log(`PostgreSQL does not answer at ${where}: skipping the PostgreSQL e2e run (set TEST_DATABASE_URL or start the server).`);
  process.exit(0);
}
console.log(`Running the e2e suite on PostgreSQL at ${where}.`);
const run = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], { stdio: "inherit", env: process.env });
// The e2e server has stopped by now: its database goes too.
const { dropTestDatabase } = await import("../lib/db/test-database");
await dropTestDatabase(url);
process.exit(run.status ?? 1);
