import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { writeAudit } from "../audit";
import { writeTransaction, type Db } from "../db";
import { users } from "../db/schema";
import { normalizeEmail } from "../email";
import { findUserForSignIn } from "../users/queries";
import { burnPasswordCheck, verifyPassword } from "./password";
import { BcryptBusy } from "./bcrypt-pool";
import { SignInBusy, startSignInAttempt } from "./throttle";

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

export { SignInBusy, SignInThrottled } from "./throttle";

async function recordSuccess(db: Db, user: { id: string; email: string }, address: string): Promise<void> {
  const now = new Date();
  await writeTransaction(db, async (tx) => {
    // Trackable: the previous "current" sign-in becomes the "last" one.
    await tx
      .update(users)
      .set({
        lastLoginAt: sql`coalesce(${users.currentLoginAt}, ${sql.param(now, users.currentLoginAt)})`,
        lastLoginIp: sql`coalesce(${users.currentLoginIp}, ${address})`,
        currentLoginAt: now,
        currentLoginIp: address,
        loginCount: sql`${users.loginCount} + 1`,
        // Signing in is not an edit: an admin's open edit form stays current.
        updatedAt: sql`${users.updatedAt}`,
      })
      .where(eq(users.id, user.id));
    await writeAudit(tx, { id: user.id, email: user.email, address }, { action: "sign-in", resource: "users", recordId: user.id });
  });
}

/**
 * The credential check, behind the throttle. Unknown email, missing hash,
 * inactive account and wrong password all return null after one bcrypt
 * compare, so neither the answer nor its timing tells them apart. A refused
 * attempt throws SignInThrottled (too many failures) or SignInBusy (too many
 * at once) without running bcrypt.
 */
export async function checkCredentials(db: Db, raw: unknown, address: string): Promise<SignedInUser | null> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const attempt = await startSignInAttempt(email, address);
  try {
    const user = await findUserForSignIn(db, email);
    let ok: boolean;
    try {
      ok = user?.passwordHash ? await verifyPassword(password, user.passwordHash, true) : await burnPasswordCheck(password, true);
    } catch (error) {
      if (!(error instanceof BcryptBusy)) throw error;
      await attempt.cancelled();
      throw new SignInBusy();
    }
    if (!user || !ok || !user.active) {
      await writeTransaction(db, (tx) => writeAudit(tx, { id: null, email, address }, { action: "sign-in-failed", resource: "users", recordId: user?.id ?? null }));
      return null;
    }
    await attempt.succeeded();
    await recordSuccess(db, user, address);
    return { id: user.id, email: user.email, name: user.name, securityStamp: user.securityStamp };
  } finally {
    attempt.end();
  }
}
