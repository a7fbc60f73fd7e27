import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { runCli } from "../lib/cli/program";
import type { Db } from "../lib/db";
import { auditLog, recoveryCodes, twoFactorChallenges, users } from "../lib/db/schema";
import { seed } from "../lib/db/seed";
import { env } from "../lib/env";
import { createChallenge, findChallenge, markChallengeVerified, redeemChallenge } from "../lib/auth/two-factor/challenge";
import { mustSetUpTwoFactor } from "../lib/auth/two-factor/required";
import { openSecret, sealSecret } from "../lib/auth/two-factor/secret-box";
import { confirmEnrolment, getEnrolment, spendSecondFactor, startEnrolment } from "../lib/auth/two-factor/store";
import { matchTotpStep } from "../lib/auth/two-factor/totp";
import { currentStep, totpAt } from "../e2e/support/totp";
import { tempDb } from "./helpers";

env.AUTH_SECRET ??= "unit-test-secret-0123456789abcdef0123456789";
const actor = { id: null, email: "test", address: null };

describe("TOTP (RFC 6238)", () => {
  it("matches the RFC's SHA-1 test vector and the steps either side of now", () => {
    assert.equal(totpAt(Buffer.from("12345678901234567890"), Math.floor(59 / 30), 8), "94287082");
    const key = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    const now = Date.now();
    const step = currentStep(now);
    for (const d of [-1, 0, 1]) assert.equal(matchTotpStep(key, totpAt(key, step + d), now), step + d);
    assert.equal(matchTotpStep(key, totpAt(key, step + 2), now), null);
    assert.equal(matchTotpStep(key, totpAt(key, step - 2), now), null);
  });
});

describe("secret box", () => {
  it("round-trips, uses a fresh IV, and refuses tampering", () => {
    const a = sealSecret("JBSWY3DPEHPK3PXP");
    assert.notEqual(a, sealSecret("JBSWY3DPEHPK3PXP"));
    assert.equal(openSecret(a), "JBSWY3DPEHPK3PXP");
    assert.ok(!a.includes("JBSWY3DPEHPK3PXP"));
    const parts = a.split(".");
    parts[3] = Buffer.from("tampered").toString("base64url");
    assert.equal(openSecret(parts.join(".")), null);
  });
});

describe("two-factor store", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let userId: string;
  let key: string;

  beforeEach(async () => {
    ({ db, cleanup } = tempDb());
    await seed(db, { demoUsers: true, items: 0 });
    userId = db.select({ id: users.id }).from(users).where(eq(users.email, "someone@example.com")).get()!.id;
    await startEnrolment(db, userId);
    key = (await getEnrolment(db, userId, "someone@example.com"))!.key;
  });
  afterEach(() => cleanup());

  it("enables only with a right code, keeps hashes of ten recovery codes, never the secret in clear", async () => {
    assert.equal(await confirmEnrolment(db, userId, "000000", actor), null);
    const codes = (await confirmEnrolment(db, userId, totpAt(key, currentStep() - 1), actor))!;
    assert.equal(codes.length, 10);
    const row = db.select().from(users).where(eq(users.id, userId)).get()!;
    assert.ok(row.totpEnabledAt && row.totpSecret && !row.totpPendingSecret);
    assert.ok(!row.totpSecret.includes(key.replace(/ /g, "")));
    const stored = db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, userId)).all();
    assert.equal(stored.length, 10);
    assert.ok(stored.every((s) => !codes.includes(s.codeHash)));
    assert.equal(await getEnrolment(db, userId, "someone@example.com"), null);
  });

  it("accepts each code once and each recovery code once", async () => {
    const codes = (await confirmEnrolment(db, userId, totpAt(key, currentStep() - 1), actor))!;
    assert.equal(await spendSecondFactor(db, userId, totpAt(key, currentStep() - 1)), null, "the enrolment code is spent");
    assert.equal(await spendSecondFactor(db, userId, totpAt(key, currentStep())), "totp");
    assert.equal(await spendSecondFactor(db, userId, totpAt(key, currentStep())), null);
    assert.equal(await spendSecondFactor(db, userId, codes[0]!.toUpperCase()), "recovery");
    assert.equal(await spendSecondFactor(db, userId, codes[0]!), null);
  });

  it("binds challenges to their token, their expiry and the user's stamp, and redeems a passed one once", async () => {
    const stamp = db.select({ s: users.securityStamp }).from(users).where(eq(users.id, userId)).get()!.s;
    const token = await createChallenge(db, { id: userId, securityStamp: stamp });
    assert.equal(await findChallenge(db, "other"), null);
    assert.equal(await redeemChallenge(db, token), null, "not passed yet");
    assert.ok(await markChallengeVerified(db, token));
    assert.equal((await redeemChallenge(db, token))?.id, userId);
    assert.equal(await redeemChallenge(db, token), null);

    const late = await createChallenge(db, { id: userId, securityStamp: stamp });
    db.update(twoFactorChallenges).set({ expiresAt: new Date(Date.now() - 1) }).run();
    assert.equal(await findChallenge(db, late), null);

    const stale = await createChallenge(db, { id: userId, securityStamp: stamp });
    db.update(users).set({ securityStamp: "rotated" }).where(eq(users.id, userId)).run();
    assert.equal(await findChallenge(db, stale), null);
  });

  it("REQUIRE_2FA_ROLES applies to members of the listed roles until they enrol", async () => {
    assert.equal(await mustSetUpTwoFactor(db, { id: userId, roleNames: ["end-user"] }, []), false);
    assert.equal(await mustSetUpTwoFactor(db, { id: userId, roleNames: ["end-user"] }, ["admin"]), false);
    assert.equal(await mustSetUpTwoFactor(db, { id: userId, roleNames: ["end-user"] }, ["end-user"]), true);
    await confirmEnrolment(db, userId, totpAt(key, currentStep()), actor);
    assert.equal(await mustSetUpTwoFactor(db, { id: userId, roleNames: ["end-user"] }, ["end-user"]), false);
  });

  it("the CLI resets it, rotates the stamp and audits", async () => {
    await confirmEnrolment(db, userId, totpAt(key, currentStep()), actor);
    const before = db.select({ s: users.securityStamp }).from(users).where(eq(users.id, userId)).get()!.s;
    const out: string[] = [];
    const code = await runCli(["users", "reset-2fa", "Someone@example.com"], async () => db, { out: (l) => out.push(l), err: () => {}, readPassword: async () => "" });
    assert.equal(code, 0);
    const row = db.select().from(users).where(eq(users.id, userId)).get()!;
    assert.equal(row.totpEnabledAt, null);
    assert.equal(row.totpSecret, null);
    assert.notEqual(row.securityStamp, before);
    assert.equal(db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, userId)).all().length, 0);
    assert.ok(db.select().from(auditLog).where(eq(auditLog.action, "two-factor-reset")).get());
  });
});

describe("code step throttle", () => {
  const wrong = async () => null;
  const right = async () => "totp" as const;

  it("counts each attempt before the check and locks only the account and address pair that guessed", async () => {
    const { throttledCodeCheck } = await import("../lib/auth/two-factor/throttle");
    const user = `user-${Date.now()}`;
    for (let i = 0; i < env.LOGIN_MAX_FAILURES; i++) assert.deepEqual(await throttledCodeCheck(user, "192.0.2.1", wrong), { ok: false, reason: "wrong" });
    assert.deepEqual(await throttledCodeCheck(user, "192.0.2.1", right), { ok: false, reason: "throttled" }, "that pair is locked, even for the right code");
    assert.deepEqual(await throttledCodeCheck(user, "192.0.2.2", right), { ok: true, value: "totp" }, "the owner elsewhere is not locked out");
    // Parallel attempts from one pair cannot slip past the limit: no more than it are ever checked.
    const other = `other-${Date.now()}`;
    let checked = 0;
    const guess = () => throttledCodeCheck(other, "192.0.2.9", async () => (checked++, null));
    await Promise.all(Array.from({ length: 20 }, guess));
    for (let i = 0; i < 10; i++) await guess();
    assert.equal(checked, env.LOGIN_MAX_FAILURES);
  });

  it("a right code clears that pair's failures", async () => {
    const { throttledCodeCheck } = await import("../lib/auth/two-factor/throttle");
    const user = `clear-${Date.now()}`;
    for (let i = 0; i < env.LOGIN_MAX_FAILURES - 1; i++) await throttledCodeCheck(user, "192.0.2.5", wrong);
    assert.equal((await throttledCodeCheck(user, "192.0.2.5", right)).ok, true);
    for (let i = 0; i < env.LOGIN_MAX_FAILURES; i++) assert.deepEqual(await throttledCodeCheck(user, "192.0.2.5", wrong), { ok: false, reason: "wrong" });
  });
});
