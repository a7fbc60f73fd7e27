"use server";

import { cookies } from "next/headers";
import { getTranslations } from "@/lib/i18n/server";
import { z } from "zod";
import { refuse, type Done, type Refused } from "../../actions/client";
import { publicAction } from "../../actions/clients";
import { text, whole } from "../../actions/form-input";
import type { ActionState } from "../../actions/state";
import { getDb } from "../../db";
import { isDatabaseOutage } from "../../db/unavailable";
import { logFailure } from "../../log";
import { completeSignIn } from "../complete-sign-in";
import { auditOwn } from "../sign-in-record";
import { CHALLENGE_COOKIE, findChallenge, markChallengeVerified } from "./challenge";
import { spendSecondFactor } from "./store";
import { throttledCodeCheck } from "./throttle";

/** The challenge is gone: the form gives way to "Sign in again". */
export interface CodeStepExpired {
  expired: true;
}

const codeInput = z.object({ code: text(64), callbackUrl: whole });
const expired = (words: Words): ActionState<CodeStepExpired> => ({ ok: false, message: words.expired, data: { expired: true } });

/** The step's answers, in the request's language. */
async function answers() {
  const t = await getTranslations("login");
  return { expired: t("codeStep.expired"), wrong: t("codeStep.wrong"), throttled: t("codeStep.throttled"), busy: t("errors.busy"), unavailable: t("errors.unavailable") };
}
type Words = Awaited<ReturnType<typeof answers>>;

/**
 * The second step of sign-in, public by necessity (no session exists yet):
 * what it acts on is proved by the request itself, the challenge cookie of
 * this browser, which must be live; the attempt is counted before the code is
 * checked. While the database does not answer, the step says so instead of failing.
 */
export const verifySignInCodeAction = publicAction.stateAction({
  input: codeInput,
  run: async ({ ctx: { address }, input }) => {
    const words = await answers();
    try {
      return await codeStep(address, input, words);
    } catch (error) {
      if (!isDatabaseOutage(error)) throw error;
      logFailure("sign-in code step failed", error);
      return refuse(words.unavailable);
    }
  },
});

async function codeStep(address: string, input: z.output<typeof codeInput>, words: Words): Promise<Done | Refused | ActionState<CodeStepExpired>> {
  const db = getDb();
  const jar = await cookies();
  const token = jar.get(CHALLENGE_COOKIE)?.value;
  const challenge = await findChallenge(db, token);
  if (!token || !challenge || challenge.verified) return expired(words);
  const actor = { id: challenge.userId, email: challenge.email, address };
  const checked = await throttledCodeCheck(challenge.userId, address, () => spendSecondFactor(db, challenge.userId, input.code));
  if (!checked.ok) {
    if (checked.reason === "busy") return refuse(words.busy);
    await auditOwn(db, actor, checked.reason === "throttled" ? "two-factor-throttled" : "two-factor-failed", challenge.userId);
    return refuse(checked.reason === "throttled" ? words.throttled : words.wrong);
  }
  if (!(await markChallengeVerified(db, token))) return expired(words);
  await auditOwn(db, actor, checked.value === "recovery" ? "two-factor-recovery-code" : "two-factor-passed", challenge.userId);
  jar.delete(CHALLENGE_COOKIE);
  const landing = await completeSignIn(db, token, actor, input.callbackUrl);
  return landing ? { redirect: landing } : expired(words);
}
