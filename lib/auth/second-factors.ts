import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../db";
import { passkeys, users } from "../db/schema";

/**
 * One rule for a user's second factors: an authenticator app that is on, and
 * passkeys. Sign-in asks for one when any is set up (and REQUIRE_2FA_ROLES
 * sends a user with none to set one up), the code step offers the ones there
 * are, and removing the last one asks for the password.
 */
export interface SecondFactors {
  app: boolean;
  passkeys: number;
}

/** The user's second factors (inside a write's transaction too). */
export async function secondFactors(db: Db | Tx, userId: string): Promise<SecondFactors> {
  const [app] = await db.select({ at: users.totpEnabledAt }).from(users).where(eq(users.id, userId));
  const [keys] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(passkeys).where(eq(passkeys.userId, userId));
  return { app: !!app?.at, passkeys: keys?.n ?? 0 };
}

export const anySecondFactor = (factors: SecondFactors): boolean => factors.app || factors.passkeys > 0;

/** A second factor is set up: an authenticator app, or a passkey (which the code step also accepts). */
export async function hasTwoFactor(db: Db | Tx, userId: string): Promise<boolean> {
  return anySecondFactor(await secondFactors(db, userId));
}

/** Whether removing one passkey would leave the account without a second factor (its form then asks for the password). */
export async function isLastSecondFactor(db: Db | Tx, userId: string): Promise<boolean> {
  const factors = await secondFactors(db, userId);
  return !factors.app && factors.passkeys === 1;
}
