import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { postgresUrl, prepareSqlite } from "./databases";
import { BASE_PORT, nextStart, run, SECRET, tempDir, type Exit } from "./support";

const PORT = BASE_PORT + 3;
const LIMIT_MS = 20_000;

/** The one line that says why the server stopped. */
function reason(exit: Exit): string {
  const lines = `${exit.stdout}\n${exit.stderr}`.split("\n").filter((l) => l.startsWith("Gatehouse cannot start:"));
  assert.equal(lines.length, 1, `one line says why:\n${exit.stdout}\n${exit.stderr}`);
  return lines[0]!;
}

async function refusesToStart(env: Record<string, string | undefined>, expected: RegExp): Promise<void> {
  const started = performance.now();
  const exit = await nextStart(PORT, { AUTH_SECRET: SECRET, ...env }, LIMIT_MS);
  assert.notEqual(exit.code, null, `exited by itself within ${LIMIT_MS / 1000} s`);
  assert.notEqual(exit.code, 0);
  assert.match(reason(exit), expected);
  assert.ok(performance.now() - started < LIMIT_MS);
  assert.doesNotMatch(`${exit.stdout}${exit.stderr}`, /\n\s+at /, "no stack trace");
}

describe("start-up with a bad configuration stops with one clear line", () => {
  const dir = tempDir();
  const unreachable = postgresUrl("gatehouse_faults_unreachable_test").replace(/@[^/]+\//, "@127.0.0.1:1/");

  it("PostgreSQL unreachable", () => refusesToStart({ DATABASE_URL: unreachable }, /^Gatehouse cannot start: DATABASE_URL: cannot use PostgreSQL at 127\.0\.0\.1:1\/.*ECONNREFUSED/));

  it("PostgreSQL database missing", () =>
    refusesToStart({ DATABASE_URL: postgresUrl("gatehouse_faults_missing_test") }, /DATABASE_URL: .*database "gatehouse_faults_missing_test" does not exist \(3D000\)/));

  it("PostgreSQL credentials refused", () => {
    const url = new URL(postgresUrl("postgres"));
    url.username = "gatehouse_no_such_role";
    url.password = "wrong-password";
    return refusesToStart({ DATABASE_URL: url.toString() }, /DATABASE_URL: .*(role "gatehouse_no_such_role" does not exist|password authentication failed).*\(28/);
  });

  it("migrations pending (an empty SQLite file)", () => refusesToStart({ DATABASE_URL: `file:${path.join(dir, "empty.db")}` }, /DATABASE_URL: the SQLite file .*empty\.db lacks \d+ migrations: run `npm run db:migrate`/));

  it("SQLite path in a directory that cannot exist", () => {
    fs.writeFileSync(path.join(dir, "a-file"), "");
    return refusesToStart({ DATABASE_URL: `file:${path.join(dir, "a-file", "x.db")}` }, /DATABASE_URL: cannot use the SQLite file .*a-file\/x\.db: .*is not a directory/);
  });

  it("SQLite path under /proc", () => refusesToStart({ DATABASE_URL: "file:/proc/gatehouse/x.db" }, /DATABASE_URL: cannot use the SQLite file \/proc\/gatehouse\/x\.db: .*under \/proc, which is not a disk/));

  it("AUTH_SECRET missing or short in production", async () => {
    const url = await prepareSqlite(dir);
    await refusesToStart({ DATABASE_URL: url, AUTH_SECRET: undefined }, /^Gatehouse cannot start: AUTH_SECRET is not set/);
    await refusesToStart({ DATABASE_URL: url, AUTH_SECRET: "short-secret" }, /^Gatehouse cannot start: AUTH_SECRET is too short \(12 characters\)/);
  });

  it("npm start: the migration step names the cause too", async () => {
    const exit = await run("npm", ["start", "--", "-p", String(PORT)], { AUTH_SECRET: SECRET, DATABASE_URL: unreachable }, LIMIT_MS);
    assert.notEqual(exit.code, 0);
    assert.notEqual(exit.code, null);
    assert.match(exit.stderr, /Could not migrate the database \(DATABASE_URL\): connect ECONNREFUSED 127\.0\.0\.1:1 \(ECONNREFUSED\)/);
  });
});
