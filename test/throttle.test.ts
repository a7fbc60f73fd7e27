import assert from "node:assert/strict";
import { describe, it } from "node:test";

// Small limits for this process; the module reads them once.
Object.assign(process.env, {
  LOGIN_MAX_FAILURES: "3",
  LOGIN_IP_MAX_FAILURES: "8",
  LOGIN_SLOW_AFTER: "4",
  LOGIN_MAX_DELAY_MS: "300",
  LOGIN_MAX_IN_FLIGHT: "2",
  LOGIN_WINDOW_SECONDS: "60",
  LOGIN_LOCKOUT_SECONDS: "120",
  BCRYPT_MAX_QUEUE: "2",
});
const { BcryptBusy, compareInPool, hashInPool } = await import("../lib/auth/bcrypt-pool");
const { accountDelayMs, SignInBusy, SignInThrottled, startSignInAttempt } = await import("../lib/auth/throttle");

/** One attempt that fails (the password was wrong), as the credential check runs it. */
async function fail(email: string, address: string): Promise<void> {
  (await startSignInAttempt(email, address)).end();
}

async function refusal(email: string, address: string): Promise<unknown> {
  try {
    (await startSignInAttempt(email, address)).end();
    return null;
  } catch (error) {
    return error;
  }
}

describe("sign-in throttle", () => {
  it("counts an attempt before the password is checked, so a parallel burst is cut off at the limit", async () => {
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => startSignInAttempt("burst@example.com", "10.1.1.1")));
    for (const r of results) if (r.status === "fulfilled") r.value.end();
    const admitted = results.filter((r) => r.status === "fulfilled").length;
    assert.ok(admitted <= 2, `at most LOGIN_MAX_IN_FLIGHT attempts at once, got ${admitted}`);
    assert.ok(results.some((r) => r.status === "rejected" && r.reason instanceof SignInBusy));
  });

  it("locks an account from one address after the configured failures, even for the right password", async () => {
    for (let i = 0; i < 3; i++) await fail("victim@example.com", "1.1.1.1");
    const refused = await refusal("victim@example.com", "1.1.1.1");
    assert.ok(refused instanceof SignInThrottled);
    assert.ok(refused.retryAfterSeconds > 60 && refused.retryAfterSeconds <= 120, `locked for the lockout window, got ${refused.retryAfterSeconds}s`);
  });

  it("does not lock the owner's own address out when others guess from elsewhere", async () => {
    for (const ip of ["2.2.2.1", "2.2.2.2", "2.2.2.3"]) for (let i = 0; i < 3; i++) await fail("owner@example.com", ip);
    const attempt = await startSignInAttempt("owner@example.com", "5.5.5.5");
    await attempt.succeeded();
    attempt.end();
  });

  it("slows an account down, with growing delays, past LOGIN_SLOW_AFTER failures", async () => {
    assert.equal(accountDelayMs(4), 0);
    assert.equal(accountDelayMs(5), 100);
    assert.equal(accountDelayMs(6), 200);
    assert.equal(accountDelayMs(50), 300);
    for (const ip of ["3.3.3.1", "3.3.3.2"]) for (let i = 0; i < 3; i++) await fail("slowed@example.com", ip);
    const started = Date.now();
    await fail("slowed@example.com", "3.3.3.3");
    assert.ok(Date.now() - started >= 150, "the seventh failure waits");
  });

  it("locks an address after the configured failures, whatever the accounts; IPv6 by /64", async () => {
    for (let i = 0; i < 8; i++) await fail(`spray${i}@example.com`, `2001:db8:7:7::${i + 1}`);
    assert.ok((await refusal("fresh@example.com", "2001:db8:7:7:ffff::1")) instanceof SignInThrottled);
    assert.equal(await refusal("fresh@example.com", "2001:db8:7:8::1"), null);
  });

  it("gives the point back on success, so an owner's typos do not add up", async () => {
    await fail("typo@example.com", "6.6.6.6");
    await fail("typo@example.com", "6.6.6.6");
    const ok = await startSignInAttempt("typo@example.com", "6.6.6.6");
    await ok.succeeded();
    ok.end();
    await fail("typo@example.com", "6.6.6.6");
    await fail("typo@example.com", "6.6.6.6");
    assert.equal(await refusal("typo@example.com", "6.6.6.6"), null);
  });
});

describe("bcrypt queue", () => {
  it("refuses sign-in checks beyond the queue's capacity at once instead of queueing them", async () => {
    const hash = await hashInPool("secret", 8);
    const checks = Array.from({ length: 12 }, () => compareInPool("guess", hash, true));
    const results = await Promise.allSettled(checks);
    const refused = results.filter((r) => r.status === "rejected" && r.reason instanceof BcryptBusy).length;
    assert.ok(refused >= 12 - 2 - 4, `most checks refused, got ${refused}`);
    assert.ok(results.some((r) => r.status === "fulfilled"), "the first ones still run");
    // Unbounded work (hashing a new password, an admin's save) still queues.
    assert.equal(await compareInPool("secret", hash), true);
  });
});

describe("database throttle store", () => {
  it("keeps counts in the database, so two connections (two instances) share one limit", async () => {
    const { tempDb } = await import("./helpers");
    const { openSqlite, sqliteDb, closeHandle } = await import("../lib/db");
    const { databaseLimiter } = await import("../lib/db/rate-limit-store");
    const first = tempDb();
    const second = sqliteDb(openSqlite((first.db as unknown as { $client: { name: string } }).$client.name));
    try {
      const options = { keyPrefix: "shared-test", points: 3, duration: 60 };
      const [a, b] = [databaseLimiter(options, first.db), databaseLimiter(options, second)];
      await a.consume("k");
      await b.consume("k");
      await a.consume("k");
      await assert.rejects(b.consume("k"), (res: { remainingPoints?: number }) => res.remainingPoints === 0);
      assert.equal((await a.get("k"))?.consumedPoints, 4);
    } finally {
      await closeHandle(second);
      await first.cleanup();
    }
  });
});
