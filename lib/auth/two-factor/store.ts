import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { writeAudit, type Actor } from "../../audit";
import { writeTransaction, type Db } from "../../db";
import { recoveryCodes, twoFactorChallenges, users } from "../../db/schema";
import { normalizeEmail } from "../../email";
import { UserFacingError } from "../../errors";
import { randomToken } from "../../random";
import { hashRecoveryCode, newRecoveryCodes, normalizeRecoveryCode } from "./recovery-codes";
import { openSecret, sealSecret } from "./secret-box";
import { groupSecret, matchTotpStep, newTotpSecret, normalizeTotpCode, otpauthUri } from "./totp";

/**
 * Two-factor state of an account, shared by the account page, sign-in, the
 * panel and the CLI. Every change rotates the security stamp (ending the
 * user's sessions) and is audited in the same transaction.
 */

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface TwoFactorStatus {
  enabled: boolean;
  enrolling: boolean;
  recoveryCodesLeft: number;
}

export function getTwoFactorStatus(db: Db, userId: string): TwoFactorStatus {
  const row = db.select({ enabledAt: users.totpEnabledAt, pending: users.totpPendingSecret }).from(users).where(eq(users.id, userId)).get();
  const left = db
    .select({ n: sql<number>`count(*)` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
    .get();
  return { enabled: !!row?.enabledAt, enrolling: !row?.enabledAt && !!row?.pending, recoveryCodesLeft: left?.n ?? 0 };
}

export function hasTwoFactor(db: Db | Tx, userId: string): boolean {
  return !!db.select({ at: users.totpEnabledAt }).from(users).where(eq(users.id, userId)).get()?.at;
}

function audit(tx: Tx, actor: Actor, action: string, userId: string, summary?: string) {
  writeAudit(tx, actor, { action, resource: "users", recordId: userId, summary });
}

function storeRecoveryCodes(tx: Tx, userId: string): string[] {
  const codes = newRecoveryCodes();
  tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
  tx.insert(recoveryCodes)
    .values(codes.map((c) => ({ userId, codeHash: hashRecoveryCode(normalizeRecoveryCode(c)!) })))
    .run();
  return codes;
}

/**
 * Starts (or restarts) enrolment with a new secret that takes effect only once
 * a code confirms it; does nothing when two-factor is already on.
 */
export function startEnrolment(db: Db, userId: string): void {
  db.update(users)
    .set({ totpPendingSecret: sealSecret(newTotpSecret()) })
    .where(and(eq(users.id, userId), isNull(users.totpEnabledAt)))
    .run();
}

export function cancelEnrolment(db: Db, userId: string): void {
  db.update(users).set({ totpPendingSecret: null }).where(and(eq(users.id, userId), isNull(users.totpEnabledAt))).run();
}

/** What the set-up page shows while enrolling; never available once enrolment is done. */
export function getEnrolment(db: Db, userId: string, email: string): { key: string; uri: string } | null {
  const row = db.select({ pending: users.totpPendingSecret, enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, userId)).get();
  const secret = row?.pending && !row.enabledAt ? openSecret(row.pending) : null;
  return secret ? { key: groupSecret(secret), uri: otpauthUri(secret, email) } : null;
}

/** Confirms enrolment with a code from the new secret; returns the recovery codes, or null for a wrong code. */
export function confirmEnrolment(db: Db, userId: string, rawCode: string, actor: Actor): string[] | null {
  const row = db.select({ pending: users.totpPendingSecret, enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, userId)).get();
  const secret = row?.pending && !row.enabledAt ? openSecret(row.pending) : null;
  const code = normalizeTotpCode(rawCode);
  const step = secret && code ? matchTotpStep(secret, code) : null;
  if (step === null || !row?.pending) return null;
  return writeTransaction(db, (tx) => {
    const done = tx
      .update(users)
      .set({ totpSecret: row.pending, totpPendingSecret: null, totpEnabledAt: new Date(), totpLastStep: step, securityStamp: randomToken() })
      .where(and(eq(users.id, userId), eq(users.totpPendingSecret, row.pending!), isNull(users.totpEnabledAt)))
      .run();
    if (done.changes !== 1) return null;
    const codes = storeRecoveryCodes(tx, userId);
    audit(tx, actor, "two-factor-enable", userId);
    return codes;
  });
}

/**
 * Checks a second factor: a current authenticator code (each time step accepted
 * once, even by two requests at the same moment) or an unused recovery code,
 * which is spent. Returns which kind matched, or null.
 */
export function spendSecondFactor(db: Db, userId: string, raw: string): "totp" | "recovery" | null {
  const totpCode = normalizeTotpCode(raw);
  if (totpCode) {
    const row = db.select({ secret: users.totpSecret }).from(users).where(eq(users.id, userId)).get();
    const secret = row?.secret ? openSecret(row.secret) : null;
    const step = secret ? matchTotpStep(secret, totpCode) : null;
    if (step === null) return null;
    const claimed = db
      .update(users)
      .set({ totpLastStep: step })
      .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
      .run();
    return claimed.changes === 1 ? "totp" : null;
  }
  const recovery = normalizeRecoveryCode(raw);
  if (!recovery) return null;
  const spent = db
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashRecoveryCode(recovery)), isNull(recoveryCodes.usedAt)))
    .run();
  return spent.changes === 1 ? "recovery" : null;
}

/** New recovery codes replace the old ones; the caller has checked a code. */
export function regenerateRecoveryCodes(db: Db, userId: string, actor: Actor): string[] {
  return writeTransaction(db, (tx) => {
    tx.update(users).set({ securityStamp: randomToken() }).where(eq(users.id, userId)).run();
    const codes = storeRecoveryCodes(tx, userId);
    audit(tx, actor, "recovery-codes-regenerate", userId);
    return codes;
  });
}

function clearTwoFactor(tx: Tx, userId: string): void {
  tx.update(users)
    .set({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null, securityStamp: randomToken() })
    .where(eq(users.id, userId))
    .run();
  tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
  tx.delete(twoFactorChallenges).where(eq(twoFactorChallenges.userId, userId)).run();
}

/** The owner turns it off (the caller has checked their password and a code). */
export function disableTwoFactor(db: Db, userId: string, actor: Actor): void {
  writeTransaction(db, (tx) => {
    clearTwoFactor(tx, userId);
    audit(tx, actor, "two-factor-disable", userId);
  });
}

/** Someone else (an admin, the CLI) resets it, for a user who lost their device; their sessions end. */
export function resetTwoFactor(db: Db, userId: string, actor: Actor): void {
  writeTransaction(db, (tx) => {
    const row = tx.select({ email: users.email }).from(users).where(eq(users.id, userId)).get();
    if (!row) throw new UserFacingError("No such user.");
    clearTwoFactor(tx, userId);
    audit(tx, actor, "two-factor-reset", userId, row.email);
  });
}

export function resetTwoFactorByEmail(db: Db, email: string, actor: Actor): void {
  const row = db.select({ id: users.id }).from(users).where(eq(users.email, normalizeEmail(email))).get();
  if (!row) throw new UserFacingError(`No user with email ${normalizeEmail(email)}.`, "email");
  resetTwoFactor(db, row.id, actor);
}
