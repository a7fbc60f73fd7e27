import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { writeTransaction, type Db } from "../lib/db";
import { mailOutbox, mailTokens } from "../lib/db/schema/mail";
import { users } from "../lib/db/schema";
import { afterFailure, retryDelaySeconds } from "../lib/mail/backoff";
import { enqueueMail } from "../lib/mail/outbox";
import { renderMail } from "../lib/mail/render";
import { findUsableToken, hashToken, issueToken, spendToken, tokenUsable, wellFormedToken } from "../lib/mail/tokens";
import { createUser, updateUser } from "../lib/users/service";
import { recordSignIn } from "../lib/auth/sign-in-record";
import { inviteUser, pendingInvitations, resendInvitation, revokeInvitation } from "../lib/mail/invitations";
import { seed } from "../lib/db/seed";
import { tempDb } from "./helpers";

describe("mail retry schedule", () => {
  const schedule = [60, 300, 1800];
  it("waits each step in turn after a failed attempt, then gives up", () => {
    assert.deepEqual([1, 2, 3, 4].map((n) => retryDelaySeconds(n, schedule)), [60, 300, 1800, null]);
    assert.equal(retryDelaySeconds(0, schedule), 0);
  });
  it("turns a failure into the next due time, or failed past the last step", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    assert.deepEqual(afterFailure(2, schedule, now), { status: "retrying", nextAttemptAt: new Date("2026-01-01T00:05:00Z") });
    assert.deepEqual(afterFailure(4, schedule, now), { status: "failed" });
  });
});

describe("mail link tokens", () => {
  const stored = { userId: "u", purpose: "reset", securityStamp: "s1", newEmail: null, expiresAt: new Date("2026-01-01T01:00:00Z"), usedAt: null };
  const before = new Date("2026-01-01T00:59:59Z");

  it("are stored as the SHA-256 of the token, never the token", () => {
    assert.equal(hashToken("abc"), createHash("sha256").update("abc").digest("base64url"));
    assert.notEqual(hashToken("abc"), "abc");
  });
  it("work only unused, before they expire, for their purpose, while the stamp is unchanged", () => {
    assert.equal(tokenUsable(stored, ["reset"], "s1", before), true);
    assert.equal(tokenUsable(stored, ["reset"], "s1", stored.expiresAt), false);
    assert.equal(tokenUsable({ ...stored, usedAt: before }, ["reset"], "s1", before), false);
    assert.equal(tokenUsable(stored, ["invite"], "s1", before), false);
    assert.equal(tokenUsable(stored, ["reset"], "s2", before), false);
  });
  it("are looked up only when well formed", () => {
    assert.equal(wellFormedToken("x".repeat(43)), true);
    for (const bad of ["", "x".repeat(42), `${"x".repeat(42)}!`, 42, null]) assert.equal(wellFormedToken(bad), false);
  });
});

describe("mail links and outbox on the database", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let userId: string;
  beforeEach(async () => {
    ({ db, cleanup } = tempDb());
    userId = await createUser(db, { email: "owner@example.com", password: "Correct-Horse-Battery-42" });
  });
  afterEach(() => cleanup());

  it("spends a link once; a newer link or a new stamp voids the older", async () => {
    const first = await writeTransaction(db, (tx) => issueToken(tx, userId, "reset", 1));
    const second = await writeTransaction(db, (tx) => issueToken(tx, userId, "reset", 1));
    assert.equal(await findUsableToken(db, first, ["reset"]), null);
    assert.equal((await findUsableToken(db, second, ["reset"]))?.userId, userId);
    assert.equal(await writeTransaction(db, (tx) => spendToken(tx, second, ["reset"], "someone-else")), false);
    assert.equal(await writeTransaction(db, (tx) => spendToken(tx, second, ["reset"], userId)), true);
    assert.equal(await writeTransaction(db, (tx) => spendToken(tx, second, ["reset"], userId)), false);
    const third = await writeTransaction(db, (tx) => issueToken(tx, userId, "reset", 1));
    await writeTransaction(db, (tx) => tx.update(users).set({ securityStamp: "rotated" }).where(eq(users.id, userId)));
    assert.equal(await findUsableToken(db, third, ["reset"]), null);
    assert.ok(db.select().from(mailTokens).all().every((t) => t.tokenHash !== first && t.tokenHash !== second && t.tokenHash !== third));
  });

  it("writes a mail only if its transaction commits", async () => {
    const mail = await renderMail({ kind: "reset", to: "owner@example.com", values: { email: "owner@example.com" }, link: "/password/reset?token=x" });
    await assert.rejects(writeTransaction(db, async (tx) => {
      await enqueueMail(tx, mail);
      throw new Error("the change failed");
    }));
    assert.equal(db.select().from(mailOutbox).all().length, 0);
    await writeTransaction(db, (tx) => enqueueMail(tx, mail));
    assert.deepEqual(db.select({ status: mailOutbox.status, to: mailOutbox.to }).from(mailOutbox).all(), [{ status: "queued", to: "owner@example.com" }]);
  });

  it("renders text and HTML in the recipient's language, values escaped", async () => {
    const en = await renderMail({ kind: "reset", to: "a@example.com", values: { email: "<a@example.com>" }, link: "/password/reset?token=t" });
    assert.match(en.text!, /Choose a new password:\nhttp:\/\/localhost:\d+\/password\/reset\?token=t/);
    assert.ok(en.html!.includes("&#60;a@example.com&#62;") && !en.html!.includes("<a@example.com>"));
    const de = await renderMail({ kind: "reset", to: "a@example.com", locale: "de", values: { email: "a@example.com" }, link: "/x" });
    assert.equal(de.subject, "Setzen Sie Ihr Gatehouse-Passwort zurück");
    assert.match(de.html!, /<html lang="de">/);
  });

  it("invites without a password; a panel user may not revoke or resend an admin's invitation, and nobody a signed-up account's", async () => {
    await seed(db, { demoUsers: false });
    const operator = { id: null, email: "operator@example.com", address: null };
    const id = await inviteUser(db, { email: "boss@example.com", roles: ["admin"] }, operator);
    assert.equal(db.select().from(users).where(eq(users.id, id)).get()!.passwordHash, null);
    assert.deepEqual((await pendingInvitations(db)).map((p) => p.email), ["boss@example.com"]);
    assert.equal(db.select().from(mailOutbox).where(eq(mailOutbox.to, "boss@example.com")).all().length, 1);
    const helper = { id: userId, access: { isAdmin: false, permissions: new Set(["users:view", "users:create", "users:update"]) } };
    await assert.rejects(revokeInvitation(db, id, operator, helper), /Only admins can change an admin's account/);
    await assert.rejects(resendInvitation(db, id, operator, helper), /Only admins can change an admin's account/);
    await assert.rejects(revokeInvitation(db, userId, operator), /not waiting for an invitation/);
    assert.equal(db.select().from(users).where(eq(users.id, id)).get()!.active, true);
    // An invited admin who has no password yet is no admin who can sign in: revoking it is no last-admin change.
    await revokeInvitation(db, id, operator);
    assert.deepEqual(await pendingInvitations(db), []);
  });

  it("tells an owner who asked of a sign-in from an address the account never signed in from, with a \"this was not me\" link", async () => {
    const owner = { id: userId, email: "owner@example.com" };
    const notices = () => db.select({ to: mailOutbox.to, subject: mailOutbox.subject, text: mailOutbox.text }).from(mailOutbox).all();
    // Off by default: a new address tells nobody.
    await recordSignIn(db, owner, "192.0.2.1");
    await recordSignIn(db, owner, "192.0.2.2");
    assert.deepEqual(notices(), []);
    await updateUser(db, userId, {}, undefined, { columns: { notifyNewSignInAddress: true, timeZone: "Europe/Berlin" } });
    // Known addresses, the older one included (not only the two the users row keeps), tell nothing.
    await recordSignIn(db, owner, "192.0.2.3");
    await recordSignIn(db, owner, "192.0.2.2");
    await recordSignIn(db, owner, "192.0.2.1");
    assert.equal(notices().length, 1);
    const [mail] = notices();
    assert.equal(mail!.to, "owner@example.com");
    assert.equal(mail!.subject, "New sign-in to your Gatehouse account");
    assert.match(mail!.text!, /from the address 192\.0\.2\.3, which it had not been signed in from before, at \d{4}-\d{2}-\d{2} \d{2}:\d{2} GMT\+[12]\./);
    assert.match(mail!.text!, /\/not-me\?token=[\w-]{43}/);
    assert.equal(db.select().from(mailTokens).where(eq(mailTokens.purpose, "not-me")).all().length, 1);
  });

  it("does not count a first sign-in as one from a new address", async () => {
    await updateUser(db, userId, {}, undefined, { columns: { notifyNewSignInAddress: true } });
    await recordSignIn(db, { id: userId, email: "owner@example.com" }, "198.51.100.9");
    assert.equal(db.select().from(mailOutbox).all().length, 0);
  });
});
