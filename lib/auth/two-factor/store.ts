import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Actor } from "../../audit";
import { writeTransaction, type Db, type Tx } from "../../db";
import { recoveryCodes, twoFactorChallenges, users } from "../../db/schema";
import { normalizeEmail } from "../../email";
import { UserFacingError } from "../../errors";
import { translator } from "../../i18n/translator";
import type { WriteResult } from "../../resources/engine";
import { updateUser } from "../../users/service";
import { sendSoon } from "../../mail/flush";
import { queueNotice, type NoticeKind } from "../../mail/notices";
import { hashRecoveryCode, newRecoveryCodes, normalizeRecoveryCode } from "./recovery-codes";
import { openSecret, sealSecret } from "./secret-box";
import { groupSecret, matchTotpStep, newTotpSecret, normalizeTotpCode, otpauthUri } from "./totp";

/**
 * Two-factor state of an account, shared by the account page, sign-in, the
 * panel and the CLI. Every change rotates the security stamp (ending the
 * user's sessions) and is audited in the same transaction.
 */

export interface TwoFactorStatus {
  enabled: boolean;
  enrolling: boolean;
  recoveryCodesLeft: number;
}

export async function getTwoFactorStatus(db: Db, userId: string): Promise<TwoFactorStatus> {
  const [row] = await db.select({ enabledAt: users.totpEnabledAt, pending: users.totpPendingSecret }).from(users).where(eq(users.id, userId));
  const [left] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return { enabled: !!row?.enabledAt, enrolling: !row?.enabledAt && !!row?.pending, recoveryCodesLeft: left?.n ?? 0 };
}

async function storeRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((c) => ({ userId, codeHash: hashRecoveryCode(normalizeRecoveryCode(c)!) })));
  return codes;
}

interface TwoFactorWrite {
  auditAction: string;
  columns?: Partial<typeof users.$inferInsert>;
  auditSummary?: string;
  inTransaction?: (tx: Tx) => Promise<void>;
}

/**
 * A change of the user's two-factor state, through the users' write pipeline:
 * the stamp rotation, the audit entry and the last-admin guard share its one
 * transaction with the row and the recovery codes.
 */
async function writeTwoFactor(db: Db, userId: string, actor: Actor, write: TwoFactorWrite): Promise<WriteResult> {
  const notice = NOTICES[write.auditAction];
  const inTransaction = async (tx: Tx) => {
    await write.inTransaction?.(tx);
    // The owner is told by mail, with a "this was not me" link, in the same transaction.
    if (notice) await queueNotice(tx, userId, notice);
  };
  const result = await updateUser(db, userId, {}, actor, { ...write, inTransaction, hooks: { endSessions: true } });
  if (result.ok && notice) void sendSoon(db);
  return result;
}

const NOTICES: Record<string, NoticeKind> = {
  "two-factor-enable": "twoFactorOn",
  "two-factor-disable": "twoFactorOff",
  "two-factor-reset": "twoFactorOff",
  "recovery-codes-regenerate": "recoveryCodes",
};

function orThrow(result: WriteResult): void {
  if (!result.ok) throw new UserFacingError(result.message);
}

/**
 * Starts (or restarts) enrolment with a new secret that takes effect only once
 * a code confirms it; does nothing when two-factor is already on.
 */
export async function startEnrolment(db: Db, userId: string): Promise<void> {
  const pending = sealSecret(newTotpSecret());
  await writeTransaction(db, (tx) => tx.update(users).set({ totpPendingSecret: pending }).where(and(eq(users.id, userId), isNull(users.totpEnabledAt))));
}

export async function cancelEnrolment(db: Db, userId: string): Promise<void> {
  await writeTransaction(db, (tx) => tx.update(users).set({ totpPendingSecret: null }).where(and(eq(users.id, userId), isNull(users.totpEnabledAt))));
}

/** What the set-up page shows while enrolling; never available once enrolment is done. */
export async function getEnrolment(db: Db, userId: string, email: string): Promise<{ key: string; uri: string } | null> {
  const [row] = await db.select({ pending: users.totpPendingSecret, enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, userId));
  const secret = row?.pending && !row.enabledAt ? openSecret(row.pending) : null;
  return secret ? { key: groupSecret(secret), uri: otpauthUri(secret, email) } : null;
}

/** Confirms enrolment with a code from the new secret; returns the recovery codes, or null for a wrong code. */
export async function confirmEnrolment(db: Db, userId: string, rawCode: string, actor: Actor): Promise<string[] | null> {
  const [row] = await db.select({ pending: users.totpPendingSecret, enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, userId));
  const secret = row?.pending && !row.enabledAt ? openSecret(row.pending) : null;
  const code = normalizeTotpCode(rawCode);
  const step = secret && code ? matchTotpStep(secret, code) : null;
  if (step === null || !row?.pending) return null;
  let codes: string[] = [];
  const result = await writeTwoFactor(db, userId, actor, {
    auditAction: "two-factor-enable",
    columns: { totpSecret: row.pending, totpPendingSecret: null, totpEnabledAt: new Date(), totpLastStep: step },
    inTransaction: async (tx) => {
      // The row is locked now: a restarted or finished enrolment since the read refuses this one.
      const [now] = await tx.select({ pending: users.totpPendingSecret, enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, userId));
      if (now?.pending !== row.pending || now.enabledAt) throw new UserFacingError("The enrolment changed.");
      codes = await storeRecoveryCodes(tx, userId);
    },
  });
  return result.ok ? codes : null;
}

/**
 * Checks a second factor: a current authenticator code (each time step accepted
 * once, even by two requests at the same moment) or an unused recovery code,
 * which is spent. Returns which kind matched, or null.
 */
export async function spendSecondFactor(db: Db, userId: string, raw: string): Promise<"totp" | "recovery" | null> {
  const totpCode = normalizeTotpCode(raw);
  if (totpCode) {
    const [row] = await db.select({ secret: users.totpSecret }).from(users).where(eq(users.id, userId));
    const secret = row?.secret ? openSecret(row.secret) : null;
    const step = secret ? matchTotpStep(secret, totpCode) : null;
    if (step === null) return null;
    // A conditional update claims the step: of two requests with one code, one wins.
    const claimed = await writeTransaction(db, (tx) =>
      tx
        .update(users)
        .set({ totpLastStep: step })
        .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
        .returning({ id: users.id }),
    );
    return claimed.length === 1 ? "totp" : null;
  }
  const recovery = normalizeRecoveryCode(raw);
  if (!recovery) return null;
  const spent = await writeTransaction(db, (tx) =>
    tx
      .update(recoveryCodes)
      .set({ usedAt: new Date() })
      .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashRecoveryCode(recovery)), isNull(recoveryCodes.usedAt)))
      .returning({ id: recoveryCodes.id }),
  );
  return spent.length === 1 ? "recovery" : null;
}

/** New recovery codes replace the old ones; the caller has checked a code. */
export async function regenerateRecoveryCodes(db: Db, userId: string, actor: Actor): Promise<string[]> {
  let codes: string[] = [];
  orThrow(await writeTwoFactor(db, userId, actor, { auditAction: "recovery-codes-regenerate", inTransaction: async (tx) => void (codes = await storeRecoveryCodes(tx, userId)) }));
  return codes;
}

function clearTwoFactor(userId: string, auditAction: string, auditSummary?: string): TwoFactorWrite {
  const columns = { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null };
  return {
    auditAction,
    auditSummary,
    columns,
    inTransaction: async (tx) => {
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
      await tx.delete(twoFactorChallenges).where(eq(twoFactorChallenges.userId, userId));
    },
  };
}

/** The owner turns it off (the caller has checked their password and a code). */
export async function disableTwoFactor(db: Db, userId: string, actor: Actor): Promise<void> {
  orThrow(await writeTwoFactor(db, userId, actor, clearTwoFactor(userId, "two-factor-disable")));
}

/** Someone else (an admin, the CLI) resets it, for a user who lost their device; their sessions end. */
export async function resetTwoFactor(db: Db, userId: string, actor: Actor): Promise<void> {
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  if (!row) throw new UserFacingError((await translator("twoFactor.errors"))("noSuchUser"));
  orThrow(await writeTwoFactor(db, userId, actor, clearTwoFactor(userId, "two-factor-reset", row.email)));
}

export async function resetTwoFactorByEmail(db: Db, email: string, actor: Actor): Promise<void> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, normalizeEmail(email)));
  if (!row) throw new UserFacingError(`No user with email ${normalizeEmail(email)}.`, "email");
  await resetTwoFactor(db, row.id, actor);
}
