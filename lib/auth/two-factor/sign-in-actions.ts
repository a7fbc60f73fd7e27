"use server";

import { cookies, headers } from "next/headers";
import { writeAudit } from "../../audit";
import { getDb, writeTransaction } from "../../db";
import { clientAddress } from "../../net/client-address";
import { safeCallbackUrl } from "../callback-url";
import { signIn } from "../config";
import { CHALLENGE_COOKIE, findChallenge, markChallengeVerified } from "./challenge";
import { CHALLENGE_EXPIRED, CODE_THROTTLED, WRONG_CODE } from "./messages";
import { spendSecondFactor } from "./store";
import { refundSecondFactorAttempt, takeSecondFactorAttempt } from "./throttle";

export interface CodeStepState {
  message?: string;
  expired?: boolean;
}

/**
 * The second step of sign-in: the challenge must belong to this browser (its
 * cookie) and be live; the attempt is counted before the code is checked.
 */
export async function verifySignInCodeAction(_prev: CodeStepState, form: FormData): Promise<CodeStepState> {
  const db = getDb();
  const jar = await cookies();
  const token = jar.get(CHALLENGE_COOKIE)?.value;
  const challenge = await findChallenge(db, token);
  if (!token || !challenge || challenge.verified) return { message: CHALLENGE_EXPIRED, expired: true };
  const address = clientAddress(await headers());
  const actor = { id: challenge.userId, email: challenge.email, address };
  if (!(await takeSecondFactorAttempt(challenge.userId, address))) {
    await writeTransaction(db, (tx) => writeAudit(tx, actor, { action: "two-factor-throttled", resource: "users", recordId: challenge.userId }));
    return { message: CODE_THROTTLED };
  }
  const kind = await spendSecondFactor(db, challenge.userId, String(form.get("code") ?? "").slice(0, 64));
  if (!kind) {
    await writeTransaction(db, (tx) => writeAudit(tx, actor, { action: "two-factor-failed", resource: "users", recordId: challenge.userId }));
    return { message: WRONG_CODE };
  }
  await refundSecondFactorAttempt(challenge.userId, address);
  if (!(await markChallengeVerified(db, token))) return { message: CHALLENGE_EXPIRED, expired: true };
  await writeTransaction(db, (tx) => writeAudit(tx, actor, { action: kind === "recovery" ? "two-factor-recovery-code" : "two-factor-passed", resource: "users", recordId: challenge.userId }));
  jar.delete(CHALLENGE_COOKIE);
  await signIn("two-factor", { ticket: token, redirectTo: safeCallbackUrl(form.get("callbackUrl"), "/") });
  return {};
}
