import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { runCli } from "../lib/cli/program";
import type { Db } from "../lib/db";
import { auditLog, passkeys, users } from "../lib/db/schema";
import { seed } from "../lib/db/seed";
import { relyingPartyFrom } from "../lib/auth/passkeys/relying-party";
import { addPasskey, PASSKEYS_PER_USER_MAX, removeAllPasskeys, removePasskey } from "../lib/auth/passkeys/store";
import { checkAssertion, parseAnswer } from "../lib/auth/passkeys/verify";
import { hasTwoFactor, isLastSecondFactor } from "../lib/auth/second-factors";
import { mustSetUpTwoFactor } from "../lib/auth/two-factor/required";
import { getUserAccess } from "../lib/users/queries";
import { softAuthenticator, type SoftAuthenticator } from "./passkey-authenticator";
import { tempDb } from "./helpers";

const actor = { id: null, email: "test", address: null };
const rp = { id: "admin.example.com", origin: "https://admin.example.com", name: "Gatehouse" };
const CHALLENGE = "c2lnbi1pbi1jaGFsbGVuZ2U";

describe("the relying party", () => {
  it("is AUTH_URL's host name and origin, else the request's host, else none", () => {
    assert.deepEqual(relyingPartyFrom("https://admin.example.com/api/auth", "evil.example", "https"), rp);
    assert.deepEqual(relyingPartyFrom(undefined, "localhost:3000", null), { id: "localhost", origin: "http://localhost:3000", name: "Gatehouse" });
    assert.equal(relyingPartyFrom(undefined, null, null), null);
    assert.equal(relyingPartyFrom("not a url", null, null), null);
  });

  it("reads only answers shaped like a credential", () => {
    assert.equal(parseAnswer("{"), null);
    assert.equal(parseAnswer(JSON.stringify({ id: "", type: "public-key", response: {} })), null);
    assert.equal(parseAnswer(JSON.stringify({ id: "x", type: "password", response: {} })), null);
    assert.ok(parseAnswer(JSON.stringify({ id: "x", type: "public-key", response: {} })));
  });
});

describe("passkey assertions", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let userId: string;
  let otherId: string;
  let key: SoftAuthenticator;
  const idOf = (email: string) => db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;
  const expected = (userId: string | null = null) => ({ challenge: CHALLENGE, userId, userVerification: true });
  const answer = (counter: number, more: Partial<Parameters<SoftAuthenticator["answer"]>[0]> = {}) => key.answer({ challenge: CHALLENGE, rpId: rp.id, origin: rp.origin, counter, ...more });

  beforeEach(async () => {
    ({ db, cleanup } = tempDb());
    await seed(db, { demoUsers: true, items: 0 });
    userId = idOf("someone@example.com");
    otherId = idOf("editor@example.com");
    key = softAuthenticator();
    await addPasskey(db, userId, { credentialId: key.credentialId, publicKey: key.publicKey, counter: 0, transports: ["internal"], backupEligible: false, backedUp: false, name: "Laptop" }, actor);
  });
  afterEach(() => cleanup());

  it("accepts a signed answer for this site and moves the counter on; refuses a counter that does not", async () => {
    const first = await checkAssertion(db, answer(5), expected(), rp);
    assert.ok(first.ok && first.passkey.userId === userId && first.userVerified);
    assert.equal(db.select({ counter: passkeys.counter }).from(passkeys).get()!.counter, 5);
    for (const stale of [5, 3]) {
      const cloned = await checkAssertion(db, answer(stale), expected(), rp);
      assert.deepEqual(cloned.ok ? "accepted" : cloned.reason, "counter");
    }
    assert.ok((await checkAssertion(db, answer(6), expected(), rp)).ok);
  });

  it("refuses an unknown passkey, another account's, another origin or relying party, a changed challenge, and no user verification where required", async () => {
    const stranger = softAuthenticator().answer({ challenge: CHALLENGE, rpId: rp.id, origin: rp.origin, counter: 1 });
    const reason = async (response: ReturnType<typeof answer>, userId: string | null = null) => {
      const checked = await checkAssertion(db, response, expected(userId), rp);
      return checked.ok ? "accepted" : checked.reason;
    };
    assert.equal(await reason(stranger), "unknown");
    assert.equal(await reason(answer(1), otherId), "not-yours");
    assert.equal(await reason(answer(1, { origin: "https://admin.example.com.evil.test" })), "invalid");
    assert.equal(await reason(answer(1, { rpId: "evil.test" })), "invalid");
    assert.equal(await reason(answer(1, { challenge: "b3RoZXI" })), "invalid");
    assert.equal(await reason(answer(1, { userVerified: false })), "invalid");
    const tampered = answer(1);
    tampered.response.signature = answer(2).response.signature;
    assert.equal(await reason(tampered), "invalid");
    assert.equal(db.select({ counter: passkeys.counter }).from(passkeys).get()!.counter, 0, "nothing refused moved the counter");
  });

  it("of two answers with one counter at once, only one is accepted", async () => {
    const results = await Promise.all([checkAssertion(db, answer(7), expected(), rp), checkAssertion(db, answer(7), expected(), rp)]);
    assert.equal(results.filter((r) => r.ok).length, 1);
  });

  it("are at most PASSKEYS_PER_USER_MAX per account", async () => {
    const more = (i: number) => addPasskey(db, userId, { credentialId: `more-${i}`, publicKey: key.publicKey, counter: 0, transports: [], backupEligible: false, backedUp: false, name: `Key ${i}` }, actor);
    for (let i = 1; i < PASSKEYS_PER_USER_MAX; i++) await more(i);
    await assert.rejects(more(PASSKEYS_PER_USER_MAX), /at most 20 passkeys/);
    assert.equal(db.select().from(passkeys).where(eq(passkeys.userId, userId)).all().length, PASSKEYS_PER_USER_MAX);
  });

  it("the last second factor is removed only with the password proved; two removals at once leave one", async () => {
    await addPasskey(db, userId, { credentialId: "second", publicKey: key.publicKey, counter: 0, transports: [], backupEligible: false, backedUp: false, name: "Phone" }, actor);
    const ids = db.select({ id: passkeys.id }).from(passkeys).where(eq(passkeys.userId, userId)).all().map((p) => p.id);
    const results = await Promise.allSettled(ids.map((id) => removePasskey(db, userId, id, actor, false)));
    assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
    const [left] = db.select({ id: passkeys.id }).from(passkeys).where(eq(passkeys.userId, userId)).all();
    assert.ok(left);
    assert.equal(await isLastSecondFactor(db, userId), true);
    await assert.rejects(removePasskey(db, userId, left.id, actor, false), (e: Error & { field?: string }) => e.field === "password");
    await removePasskey(db, userId, left.id, actor, true);
    assert.equal(await hasTwoFactor(db, userId), false);
  });

  it("counts as two-factor (REQUIRE_2FA_ROLES) and is removed by an admin or the CLI, audited, without ending sessions", async () => {
    assert.equal(await hasTwoFactor(db, userId), true);
    assert.equal((await getUserAccess(db, userId))!.twoFactorEnabled, true);
    assert.equal(await mustSetUpTwoFactor(db, { id: userId, roleNames: ["end-user"] }, ["end-user"]), false);
    const stamp = db.select({ s: users.securityStamp }).from(users).where(eq(users.id, userId)).get()!.s;
    assert.equal(await removeAllPasskeys(db, userId, actor), 1);
    assert.equal(await hasTwoFactor(db, userId), false);
    assert.equal(db.select({ s: users.securityStamp }).from(users).where(eq(users.id, userId)).get()!.s, stamp);
    assert.ok(db.select().from(auditLog).all().some((e) => e.action === "passkeys-reset" && e.recordId === userId));

    await addPasskey(db, userId, { credentialId: "again", publicKey: key.publicKey, counter: 0, transports: [], backupEligible: true, backedUp: true, name: "Phone" }, actor);
    const out: string[] = [];
    const code = await runCli(["users", "reset-passkeys", "Someone@example.com"], async () => db, { out: (l) => out.push(l), err: () => {}, readPassword: async () => "" });
    assert.equal(code, 0);
    assert.deepEqual(out, ["Removed 1 passkey of someone@example.com."]);
  });
});
