// npm run test:unit:postgres — the write pipeline's and the database rate limits' unit tests again, on a
// fresh PostgreSQL database gh_pipeline_<pid>_test (created and dropped here) on the server of
// TEST_DATABASE_URL. The schema's dialect is chosen at import time, so the
// tests run in a process of their own with DATABASE_URL pointing at it.
import { spawnSync } from "node:child_process";
import { dropTestDatabase, postgresAnswers, recreateTestDatabase } from "../lib/db/test-database";

const server = new URL(process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres");
// Test databases end in _test (lib/db/test-database.ts refuses any other name).
const url = new URL(`/gh_pipeline_${process.pid}_test`, server).toString();

if (!(await postgresAnswers(url))) {
  console.error(`PostgreSQL does not answer at ${server.host} (TEST_DATABASE_URL).`);
  process.exit(process.env.CI ? 1 : 0);
}
await recreateTestDatabase(url);
const run = spawnSync("npx", ["tsx", "--test", "--test-concurrency=1", "test/pipeline.test.ts", "test/rate-limit-store.test.ts"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: url } });
await dropTestDatabase(url);
process.exit(run.status ?? 1);
