import { CredentialsSignin } from "next-auth";
import type { Db } from "../db";
import { safeCallbackUrl } from "./callback-url";
import { signIn } from "./config";
import { landingForUser } from "./landing";
import { recordSignIn } from "./sign-in-record";

/**
 * The one door to a session after a challenge was passed (a code, or a
 * passkey): the two-factor provider redeems the passed challenge `ticket`
 * once, for the session the password sign-in issues too. Refused when the
 * account changed meanwhile (deactivated, new password): no session, no
 * sign-in, null. Only with the session issued is this a sign-in: counted,
 * audited, and the password throttle's failures cleared. Returns where to go.
 */
export async function completeSignIn(db: Db, ticket: string, user: { id: string; email: string; address: string }, callbackUrl: string): Promise<string | null> {
  try {
    await signIn("two-factor", { ticket, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) return null;
    throw error;
  }
  await recordSignIn(db, user, user.address);
  return safeCallbackUrl(callbackUrl, "") || (await landingForUser({ id: user.id }));
}
