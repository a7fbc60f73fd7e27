"use server";

import { eq } from "drizzle-orm";
import { forbidden } from "next/navigation";
import { z } from "zod";
import { refuse, type Refused } from "../../actions/client";
import { twoFactorSetupAction, userAction, type UserContext } from "../../actions/clients";
import { text } from "../../actions/form-input";
import { getDb } from "../../db";
import { translator } from "../../i18n/translator";
import { users } from "../../db/schema";
import { signIn } from "../config";
import { checkCurrentPassword } from "../current-password";
import { auditOwn } from "../sign-in-record";
import { createChallenge } from "./challenge";
import { TWO_FACTOR_SETUP_PATH } from "./required";
import { forgetCodesToShow, rememberCodesToShow } from "./shown-codes";
import { cancelEnrolment, confirmEnrolment, disableTwoFactor, regenerateRecoveryCodes, resetTwoFactor, startEnrolment, spendSecondFactor } from "./store";
import { codeCheck, throttledCodeCheck, type CodeCheck } from "./throttle";

/** The forms' answers, in the request's language. */
async function answers() {
  const [auth, t] = await Promise.all([translator("auth"), translator("twoFactor.errors")]);
  return {
    fixFields: auth("fixFields"),
    password: { wrong: t("wrongPassword"), throttled: auth("throttled"), busy: auth("busy") },
    busy: auth("busy"),
    throttled: t("throttled"),
    wrongCode: t("wrongCode"),
    enrolmentWrongCode: t("enrolmentWrongCode"),
  };
}

/** What these forms post: the user's current password and a code, so that a stolen session cannot change two-factor. */
const proofInput = z.object({ password: text(1024), code: text(64) });
type Proof = z.output<typeof proofInput>;

/**
 * Every change rotates the user's security stamp, which ends all their
 * sessions; this browser gets a fresh one through a challenge opened already
 * passed, since the user has just proved themselves.
 */
async function keepThisSession(userId: string): Promise<void> {
  const [row] = await getDb().select({ id: users.id, securityStamp: users.securityStamp }).from(users).where(eq(users.id, userId));
  if (row) await signIn("two-factor", { ticket: await createChallenge(getDb(), row, { verified: true }), redirect: false });
}

/**
 * Checks the user's current password, then their own code with `check`.
 * Wrong passwords and codes are audited as at sign-in, with `what` naming the
 * form (audit summaries stay English). Returns what `check` accepted, or the
 * refusal with the field's error (the enrolment's own for a wrong code).
 */
async function checkOwnProof<T>({ user, actor }: UserContext, proof: Proof, what: string, check: (code: string) => Promise<CodeCheck<T>>, wrongCode: "wrongCode" | "enrolmentWrongCode" = "wrongCode"): Promise<{ value: T } | Refused> {
  const words = await answers();
  const address = actor.address ?? "";
  const wrongPassword = await checkCurrentPassword(user, proof.password, address, what);
  if (wrongPassword) return refuse(words.fixFields, { fieldErrors: { password: words.password[wrongPassword] } });
  const checked = await check(proof.code);
  if (checked.ok) return { value: checked.value };
  if (checked.reason === "busy") return refuse(words.fixFields, { fieldErrors: { code: words.busy } });
  await auditOwn(getDb(), actor, checked.reason === "throttled" ? "two-factor-throttled" : "two-factor-failed", user.id, what);
  return refuse(words.fixFields, { fieldErrors: { code: checked.reason === "throttled" ? words.throttled : words[wrongCode] } });
}

/** A code of the user's authenticator (or a recovery code), behind the sign-in code step's throttle. */
const ownCode = ({ user, actor }: UserContext) => (code: string) => throttledCodeCheck(user.id, actor.address ?? "", () => spendSecondFactor(getDb(), user.id, code));

const nothing = z.object({});

export const startEnrolmentAction = twoFactorSetupAction.formAction({
  input: nothing,
  run: async ({ ctx }) => (await startEnrolment(getDb(), ctx.user.id), { redirect: TWO_FACTOR_SETUP_PATH }),
});

export const cancelEnrolmentAction = twoFactorSetupAction.formAction({
  input: nothing,
  run: async ({ ctx }) => (await cancelEnrolment(getDb(), ctx.user.id), { redirect: TWO_FACTOR_SETUP_PATH }),
});

export const confirmEnrolmentAction = twoFactorSetupAction.stateAction({
  input: proofInput,
  run: async ({ ctx, input }) => {
    const proof = await checkOwnProof(ctx, input, "Turn on two-factor", async (code) => codeCheck(await confirmEnrolment(getDb(), ctx.user.id, code, ctx.actor)), "enrolmentWrongCode");
    if (!("value" in proof)) return proof;
    await keepThisSession(ctx.user.id);
    await rememberCodesToShow(ctx.user.id, proof.value);
    return { redirect: `${TWO_FACTOR_SETUP_PATH}?notice=on` };
  },
});

/** The user has kept their recovery codes: they are not shown again. */
export const dismissRecoveryCodesAction = twoFactorSetupAction.formAction({
  input: nothing,
  run: async () => (await forgetCodesToShow(), { redirect: "/account" }),
});

export const regenerateRecoveryCodesAction = userAction.stateAction({
  input: proofInput,
  run: async ({ ctx, input }) => {
    const proof = await checkOwnProof(ctx, input, "Make new recovery codes", ownCode(ctx));
    if (!("value" in proof)) return proof;
    const codes = await regenerateRecoveryCodes(getDb(), ctx.user.id, ctx.actor);
    await keepThisSession(ctx.user.id);
    await rememberCodesToShow(ctx.user.id, codes);
    return { redirect: `${TWO_FACTOR_SETUP_PATH}?notice=codes` };
  },
});

export const disableTwoFactorAction = userAction.stateAction({
  input: proofInput,
  run: async ({ ctx, input }) => {
    const proof = await checkOwnProof(ctx, input, "Turn off two-factor", ownCode(ctx));
    if (!("value" in proof)) return proof;
    await disableTwoFactor(getDb(), ctx.user.id, ctx.actor);
    await keepThisSession(ctx.user.id);
    return { redirect: `${TWO_FACTOR_SETUP_PATH}?notice=off` };
  },
});

/** An admin resets someone else's two-factor (a lost phone), `adminResetTwoFactorAction.bind(null, userId)`; that user's sessions end. */
export const adminResetTwoFactorAction = userAction.formAction({
  bound: z.tuple([z.string().max(200)]),
  input: nothing,
  run: async ({ ctx, bound: [userId] }) => {
    if (!ctx.user.access.isAdmin || ctx.user.id === userId) forbidden();
    await resetTwoFactor(getDb(), userId, ctx.actor);
    return { redirect: `/admin/users/${encodeURIComponent(userId)}?notice=two-factor-reset` };
  },
});
