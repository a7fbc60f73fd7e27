import { createHash } from "node:crypto";
import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import type { Db, Tx } from "../db";
import { users } from "../db/schema";
import { mailTokens, type MailTokenPurpose } from "../db/schema/mail";
import { randomToken } from "../random";

/**
 * Single-use links sent by mail. The link carries a random token; the table
 * keeps only its SHA-256 (a 256-bit random token needs no slow hash), the
 * user's security stamp when it was made, and when it expires. A link works
 * once, before it expires, while the stamp is unchanged (a password change
 * since voids it), and a newer link of the same kind replaces it.
 */

export function hashToken(raw: string): string {
  return createHash("sha256").update(raw, "utf8").digest("base64url");
}

/** Tokens we issue are 43 base64url characters; anything else is not one of ours (and is not looked up). */
export function wellFormedToken(raw: unknown): raw is string {
  return typeof raw === "string" && /^[A-Za-z0-9_-]{43}$/.test(raw);
}

export interface StoredToken {
  userId: string;
  purpose: string;
  securityStamp: string;
  newEmail: string | null;
  expiresAt: Date;
  usedAt: Date | null;
}

/** Whether a stored token may still be used at `now` by a user whose stamp is `stamp`. */
export function tokenUsable(token: StoredToken, purposes: readonly MailTokenPurpose[], stamp: string | null | undefined, now: Date = new Date()): boolean {
  // A "this was not me" link is sent with the change that rotates the stamp, and only ever ends sessions: bound to none.
  const stampHolds = token.purpose === "not-me" ? token.securityStamp === UNBOUND : token.securityStamp === stamp;
  return purposes.includes(token.purpose as MailTokenPurpose) && token.usedAt === null && token.expiresAt.getTime() > now.getTime() && stampHolds;
}

const UNBOUND = "-";

/** Makes a new link for `userId` inside the caller's transaction, replacing unused ones of the same kind; returns the raw token for the mail. */
export async function issueToken(tx: Tx, userId: string, purpose: MailTokenPurpose, hours: number, newEmail: string | null = null): Promise<string> {
  const [user] = await tx.select({ stamp: users.securityStamp }).from(users).where(eq(users.id, userId));
  if (!user) throw new Error("issueToken: no such user");
  // Every notice keeps its own "this was not me" link; other kinds replace the older link.
  if (purpose !== "not-me") await voidTokens(tx, userId, [purpose]);
  const raw = randomToken();
  await tx.insert(mailTokens).values({ tokenHash: hashToken(raw), purpose, userId, securityStamp: purpose === "not-me" ? UNBOUND : user.stamp, newEmail, expiresAt: new Date(Date.now() + hours * 3_600_000) });
  return raw;
}

/** The token's row and its user, if the link may be used now (for the page that shows its form). */
export async function findUsableToken(db: Db | Tx, raw: unknown, purposes: readonly MailTokenPurpose[]): Promise<(StoredToken & { email: string }) | null> {
  if (!wellFormedToken(raw)) return null;
  const [row] = await db
    .select({ userId: mailTokens.userId, purpose: mailTokens.purpose, securityStamp: mailTokens.securityStamp, newEmail: mailTokens.newEmail, expiresAt: mailTokens.expiresAt, usedAt: mailTokens.usedAt, stamp: users.securityStamp, email: users.email, active: users.active })
    .from(mailTokens)
    .innerJoin(users, eq(users.id, mailTokens.userId))
    .where(eq(mailTokens.tokenHash, hashToken(raw)));
  return row && row.active && tokenUsable(row, purposes, row.stamp) ? row : null;
}

/**
 * Spends the link inside the write's transaction (the user's row is locked by
 * then): true only for the one request that marks it used while it is still
 * good. The user's other unused links of the kinds in `voids` go with it.
 */
export async function spendToken(tx: Tx, raw: string, purposes: readonly MailTokenPurpose[], userId: string, voids: readonly MailTokenPurpose[] = purposes): Promise<boolean> {
  const found = await findUsableToken(tx, raw, purposes);
  if (!found || found.userId !== userId) return false;
  const spent = await tx
    .update(mailTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(mailTokens.tokenHash, hashToken(raw)), isNull(mailTokens.usedAt), gt(mailTokens.expiresAt, new Date())))
    .returning({ userId: mailTokens.userId });
  if (spent.length !== 1) return false;
  await voidTokens(tx, userId, voids);
  return true;
}

/** The user's unused links of these kinds stop working (a newer one, a revoked invitation). */
export async function voidTokens(tx: Tx, userId: string, purposes: readonly MailTokenPurpose[]): Promise<void> {
  await tx.delete(mailTokens).where(and(eq(mailTokens.userId, userId), inArray(mailTokens.purpose, [...purposes]), isNull(mailTokens.usedAt)));
}
