"use server";

import { CredentialsSignin } from "next-auth";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { BUSY, UNAVAILABLE } from "../messages";
import { getDb } from "../../db";
import { isDatabaseOutage } from "../../db/unavailable";
import { logFailure } from "../../log";
import { clientAddress } from "../../net/client-address";
import { safeCallbackUrl } from "../callback-url";
import { signIn } from "../config";
import { auditOwn, recordSignIn } from "../sign-in-record";
import { CHALLENGE_COOKIE, findChallenge, markChallengeVerified } from "./challenge";
import { CHALLENGE_EXPIRED, CODE_THROTTLED, WRONG_CODE } from "./messages";
import { spendSecondFactor } from "./store";
import { throttledCodeCheck } from "./throttle";

export interface CodeStepState {
  message?: string;
  expired?: boolean;
}

/**
 * The second step of sign-in: the challenge must belong to this browser (its
 * cookie) and be live; the attempt is counted before the code is checked.
 * While the database does not answer, the step says so instead of failing.
 */
export async function verifySignInCodeAction(_prev: CodeStepState, form: FormData): Promise<CodeStepState> {
  let to: string;
  try {
    const done = await codeStep(form);
    if (typeof done !== "string") return done;
    to = done;
  } catch (error) {
    if (!isDatabaseOutage(error)) throw error;
    logFailure("sign-in code step failed", error);
    return { message: UNAVAILABLE };
  }
  redirect(to);
}

/** The code step itself: a state to show, or where to go once the session is issued. */
async function codeStep(form: FormData): Promise<CodeStepState | string> {
  const db = getDb();
  const jar = await cookies();
  const token = jar.get(CHALLENGE_COOKIE)?.value;
  const challenge = await findChallenge(db, token);
  if (!token || !challenge || challenge.verified) return { message: CHALLENGE_EXPIRED, expired: true };
  const address = clientAddress(await headers());
  const actor = { id: challenge.userId, email: challenge.email, address };
  const checked = await throttledCodeCheck(challenge.userId, address, () => spendSecondFactor(db, challenge.userId, String(form.get("code") ?? "").slice(0, 64)));
  if (!checked.ok) {
    if (checked.reason === "busy") return { message: BUSY };
    await auditOwn(db, actor, checked.reason === "throttled" ? "two-factor-throttled" : "two-factor-failed", challenge.userId);
    return { message: checked.reason === "throttled" ? CODE_THROTTLED : WRONG_CODE };
  }
  if (!(await markChallengeVerified(db, token))) return { message: CHALLENGE_EXPIRED, expired: true };
  await auditOwn(db, actor, checked.value === "recovery" ? "two-factor-recovery-code" : "two-factor-passed", challenge.userId);
  jar.delete(CHALLENGE_COOKIE);
  try {
    // Refused when the account changed meanwhile (deactivated, new password): no session, no sign-in.
    await signIn("two-factor", { ticket: token, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) return { message: CHALLENGE_EXPIRED, expired: true };
    throw error;
  }
  // Only now, with the session issued, is this a sign-in: counted, audited, and
  // the password throttle's failures cleared.
  await recordSignIn(db, actor, address);
  return safeCallbackUrl(form.get("callbackUrl"), "/");
}
