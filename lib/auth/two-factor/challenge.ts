import { createHash } from "node:crypto";
import { and, eq, gt, isNotNull, isNull, lt } from "drizzle-orm";
import { writeTransaction, type Db } from "../../db";
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
export async function createChallenge(db: Db, user: { id: string; securityStamp: string }, opts: { verified?: boolean } = {}): Promise<string> {
  const token = randomToken();
  const now = Date.now();
  await writeTransaction(db, async (tx) => {
    await tx.delete(twoFactorChallenges).where(lt(twoFactorChallenges.expiresAt, new Date(now)));
    await tx
      .insert(twoFactorChallenges)
      .values({ tokenHash: hash(token), userId: user.id, securityStamp: user.securityStamp, expiresAt: new Date(now + CHALLENGE_TTL_MS), verifiedAt: opts.verified ? new Date(now) : null });
  });
  return token;
}

/** The live challenge behind a token: unexpired, and the account unchanged since it was opened. */
export async function findChallenge(db: Db, token: string | undefined | null): Promise<Challenge | null> {
  if (!token || token.length > 100) return null;
  const [row] = await db
    .select({ userId: users.id, email: users.email, active: users.active, stamp: users.securityStamp, challengeStamp: twoFactorChallenges.securityStamp, verifiedAt: twoFactorChallenges.verifiedAt })
    .from(twoFactorChallenges)
    .innerJoin(users, eq(users.id, twoFactorChallenges.userId))
    .where(and(eq(twoFactorChallenges.tokenHash, hash(token)), gt(twoFactorChallenges.expiresAt, new Date())));
  if (!row || !row.active || row.stamp !== row.challengeStamp) return null;
  return { userId: row.userId, email: row.email, verified: !!row.verifiedAt };
}

/** Marks the challenge passed; false if it was already passed, gone or expired. */
export async function markChallengeVerified(db: Db, token: string): Promise<boolean> {
  const marked = await writeTransaction(db, (tx) =>
    tx
      .update(twoFactorChallenges)
      .set({ verifiedAt: new Date() })
      .where(and(eq(twoFactorChallenges.tokenHash, hash(token)), isNull(twoFactorChallenges.verifiedAt), gt(twoFactorChallenges.expiresAt, new Date())))
      .returning({ tokenHash: twoFactorChallenges.tokenHash }),
  );
  return marked.length === 1;
}

export async function dropChallenge(db: Db, token: string | undefined | null): Promise<void> {
  if (token) await writeTransaction(db, (tx) => tx.delete(twoFactorChallenges).where(eq(twoFactorChallenges.tokenHash, hash(token))));
}

/** Trades a passed challenge for the user a session is issued to, once. */
export async function redeemChallenge(db: Db, token: unknown): Promise<SignedInUser | null> {
  if (typeof token !== "string") return null;
  const challenge = await findChallenge(db, token);
  if (!challenge?.verified) return null;
  const taken = await writeTransaction(db, (tx) =>
    tx
      .delete(twoFactorChallenges)
      .where(and(eq(twoFactorChallenges.tokenHash, hash(token)), isNotNull(twoFactorChallenges.verifiedAt)))
      .returning({ tokenHash: twoFactorChallenges.tokenHash }),
  );
  if (taken.length !== 1) return null;
  const [user] = await db.select({ id: users.id, email: users.email, name: users.name, securityStamp: users.securityStamp }).from(users).where(eq(users.id, challenge.userId));
  return user ?? null;
}
