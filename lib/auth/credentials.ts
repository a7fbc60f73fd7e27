import { z } from "zod";
import type { Db } from "../db";
import { normalizeEmail } from "../email";
import { findUserForSignIn } from "../users/queries";
import { checkPasswordThrottled } from "./password-check";
import { auditOwn, PASSWORD_OK_ACTION, recordSignIn } from "./sign-in-record";
import { hasTwoFactor } from "./second-factors";

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

/** A right password: `twoFactor` when the account still owes its code (then nothing is counted as a sign-in yet). */
export interface PasswordChecked extends SignedInUser {
  twoFactor: boolean;
}

export { SignInBusy, SignInThrottled } from "./throttle";

/**
 * The credential check, behind the throttle. Unknown email, missing hash,
 * inactive account and wrong password all return null after one bcrypt
 * compare, so neither the answer nor its timing tells them apart. A refused
 * attempt throws SignInThrottled (too many failures) or SignInBusy (too many
 * at once) without running bcrypt. A right password is a sign-in only for an
 * account without two-factor; otherwise it is audited as its own event and
 * the sign-in is recorded when the code passes.
 */
export async function checkCredentials(db: Db, raw: unknown, address: string): Promise<PasswordChecked | null> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  return checkPasswordThrottled(email, address, password, () => findUserForSignIn(db, email), async (user, ok) => {
    if (!user || !ok || !user.active) {
      await auditOwn(db, { id: null, email, address }, "sign-in-failed", user?.id ?? null);
      return null;
    }
    const twoFactor = await hasTwoFactor(db, user.id);
    // The throttle's point stays taken until the sign-in completes (see recordSignIn).
    if (twoFactor) await auditOwn(db, { id: user.id, email: user.email, address }, PASSWORD_OK_ACTION, user.id);
    else await recordSignIn(db, user, address);
    return { id: user.id, email: user.email, name: user.name, securityStamp: user.securityStamp, twoFactor };
  });
}
