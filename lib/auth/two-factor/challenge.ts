import { createHash } from "node:crypto";
import { and, eq, gt, isNotNull, isNull, lt } from "drizzle-orm";
import type { Db } from "../../db";
import { twoFactorChallenges, users } from "../../db/schema";
import { randomToken } from "../../random";
import type { SignedInUser } from "../credentials";

/**
 * The state between a correct password and a correct second factor. The
 * browser that passed the password keeps a random token in an httpOnly cookie;
 * the database keeps its hash, the user, their security stamp and an expiry.
 * A stolen row, or a token from another sign-in, is of no use.
 */

export const CHALLENGE_COOKIE = "gatehouse.two-factor";
export const CHALLENGE_TTL_MS = 5 * 60_000;

const hash = (token: string) => createHash("sha256").update(token).digest("base64url");

export interface Challenge {
  userId: string;
  email: string;
  verified: boolean;
}

/** Opens a challenge for `userId` and returns the token for the cookie. */
export function createChallenge(db: Db, user: { id: string; securityStamp: string }, opts: { verified?: boolean } = {}): string {
  const token = randomToken();
  const now = Date.now();
  db.delete(twoFactorChallenges).where(lt(twoFactorChallenges.expiresAt, new Date(now))).run();
  db.insert(twoFactorChallenges)
    .values({ tokenHash: hash(token), userId: user.id, securityStamp: user.securityStamp, expiresAt: new Date(now + CHALLENGE_TTL_MS), verifiedAt: opts.verified ? new Date(now) : null })
    .run();
  return token;
}

/** The live challenge behind a token: unexpired, and the account unchanged since it was opened. */
export function findChallenge(db: Db, token: string | undefined | null): Challenge | null {
  if (!token || token.length > 100) return null;
  const row = db
    .select({ userId: users.id, email: users.email, active: users.active, stamp: users.securityStamp, challengeStamp: twoFactorChallenges.securityStamp, verifiedAt: twoFactorChallenges.verifiedAt })
    .from(twoFactorChallenges)
    .innerJoin(users, eq(users.id, twoFactorChallenges.userId))
    .where(and(eq(twoFactorChallenges.tokenHash, hash(token)), gt(twoFactorChallenges.expiresAt, new Date())))
    .get();
  if (!row || !row.active || row.stamp !== row.challengeStamp) return null;
  return { userId: row.userId, email: row.email, verified: !!row.verifiedAt };
}

/** Marks the challenge passed; false if it was already passed, gone or expired. */
export function markChallengeVerified(db: Db, token: string): boolean {
  return (
    db
      .update(twoFactorChallenges)
      .set({ verifiedAt: new Date() })
      .where(and(eq(twoFactorChallenges.tokenHash, hash(token)), isNull(twoFactorChallenges.verifiedAt), gt(twoFactorChallenges.expiresAt, new Date())))
      .run().changes === 1
  );
}

export function dropChallenge(db: Db, token: string | undefined | null): void {
  if (token) db.delete(twoFactorChallenges).where(eq(twoFactorChallenges.tokenHash, hash(token))).run();
}

/** Trades a passed challenge for the user a session is issued to, once. */
export function redeemChallenge(db: Db, token: unknown): SignedInUser | null {
  if (typeof token !== "string") return null;
  const challenge = findChallenge(db, token);
  if (!challenge?.verified) return null;
  const taken = db
    .delete(twoFactorChallenges)
    .where(and(eq(twoFactorChallenges.tokenHash, hash(token)), isNotNull(twoFactorChallenges.verifiedAt)))
    .run();
  if (taken.changes !== 1) return null;
  const user = db.select({ id: users.id, email: users.email, name: users.name, securityStamp: users.securityStamp }).from(users).where(eq(users.id, challenge.userId)).get();
  return user ?? null;
}
