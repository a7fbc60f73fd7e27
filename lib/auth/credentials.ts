import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { writeAudit } from "../audit";
import { writeTransaction, type Db } from "../db";
import { users } from "../db/schema";
import { normalizeEmail } from "../email";
import { findUserForSignIn } from "../users/queries";
import { burnPasswordCheck, verifyPassword } from "./password";
import { recordSignInFailure, recordSignInSuccess, signInBlockedFor } from "./throttle";

// Bounds keep an oversized body from reaching bcrypt or the database.
export const credentialsSchema = z.object({
  email: z.string().min(1).max(254).transform(normalizeEmail),
  password: z.string().min(1).max(1024),
});

export interface SignedInUser {
  id: string;
  email: string;
  name: string | null;
  securityStamp: string;
}

/** Sign-in refused because of too many failures; says how long to wait. */
export class SignInThrottled extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("Too many failed sign-ins.");
  }
}

function recordSuccess(db: Db, user: { id: string; email: string }, address: string): void {
  writeTransaction(db, (tx) => {
    // Trackable: the previous "current" sign-in becomes the "last" one.
    tx.update(users)
      .set({
        lastLoginAt: sql`coalesce(${users.currentLoginAt}, ${Date.now()})`,
        lastLoginIp: sql`coalesce(${users.currentLoginIp}, ${address})`,
        currentLoginAt: new Date(),
        currentLoginIp: address,
        loginCount: sql`${users.loginCount} + 1`,
      })
      .where(eq(users.id, user.id))
      .run();
    writeAudit(tx, { id: user.id, email: user.email, address }, { action: "sign-in", resource: "users", recordId: user.id });
  });
}

/**
 * The credential check, behind the throttle. Unknown email, missing hash,
 * inactive account and wrong password all return null after one bcrypt
 * compare, so neither the answer nor its timing tells them apart. A throttled
 * attempt throws SignInThrottled without running bcrypt.
 */
export async function checkCredentials(db: Db, raw: unknown, address: string): Promise<SignedInUser | null> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const wait = await signInBlockedFor(email, address);
  if (wait > 0) throw new SignInThrottled(wait);

  const user = findUserForSignIn(db, email);
  const ok = user?.passwordHash ? await verifyPassword(password, user.passwordHash) : await burnPasswordCheck(password);
  if (!user || !ok || !user.active) {
    await recordSignInFailure(email, address);
    writeAudit(db, { id: null, email, address }, { action: "sign-in-failed", resource: "users", recordId: user?.id ?? null });
    return null;
  }
  await recordSignInSuccess(email);
  recordSuccess(db, user, address);
  return { id: user.id, email: user.email, name: user.name, securityStamp: user.securityStamp };
}
