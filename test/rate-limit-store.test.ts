import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";

/**
 * Counts in the database (rate_limits): SQLite by default, PostgreSQL when
 * DATABASE_URL names one (npm run test:unit:postgres).
 */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gatehouse-limits-"));
// Before lib/env is first imported (below, dynamically), so that the database is this one.
process.env.DATABASE_URL ||= `file:${path.join(dir, "limits.db")}`;

const lib = { db: await import("../lib/db"), store: await import("../lib/db/rate-limit-store") };
const db = () => lib.db.getDb();

before(async () => {
  await (await import("../lib/db/migrate")).runMigrations(db());
});

after(async () => {
  await lib.db.closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("database rate limits", () => {
  it("count a key longer than the column (a client's e-mail or passkey id), each such key on its own", async () => {
    const limiter = lib.store.databaseLimiter({ keyPrefix: "long-key-test", points: 2, duration: 60 }, db());
    const [one, two] = ["a".repeat(1_500), `${"a".repeat(1_499)}b`];
    await limiter.consume(one);
    await limiter.consume(one);
    await assert.rejects(limiter.consume(one), (res: { remainingPoints?: number }) => res.remainingPoints === 0);
    assert.equal((await limiter.consume(two)).consumedPoints, 1);
    await limiter.delete(one);
    assert.equal((await limiter.consume(one)).consumedPoints, 1);
  });

  it("keep a key that fits as it is", () => {
    assert.equal(lib.store.rowKey("p:short", "p"), "p:short");
    const long = lib.store.rowKey(`p:${"x".repeat(lib.store.RATE_LIMIT_KEY_MAX)}`, "p");
    assert.ok(long.startsWith("p:sha256:") && long.length <= lib.store.RATE_LIMIT_KEY_MAX);
  });
});
