"use server";

import { eq } from "drizzle-orm";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getDb } from "../../db";
import { users } from "../../db/schema";
import { clientAddress } from "../../net/client-address";
import { signIn } from "../config";
import { requireUser, requireUserForTwoFactorSetup } from "../dal";
import { checkCurrentPassword } from "../current-password";
import { BUSY, THROTTLED } from "../messages";
import { auditOwn } from "../sign-in-record";
import { createChallenge } from "./challenge";
import { CODE_THROTTLED, WRONG_CODE } from "./messages";
import { TWO_FACTOR_SETUP_PATH } from "./required";
import { forgetCodesToShow, rememberCodesToShow } from "./shown-codes";
import { cancelEnrolment, confirmEnrolment, disableTwoFactor, regenerateRecoveryCodes, resetTwoFactor, startEnrolment, spendSecondFactor } from "./store";
import { codeCheck, throttledCodeCheck, type CodeCheck } from "./throttle";

export interface TwoFactorFormState {
  ok: boolean;
  message?: string;
  fieldErrors?: Partial<Record<"code" | "password", string>>;
}

type FieldErrors = NonNullable<TwoFactorFormState["fieldErrors"]>;

const FIX = "Please correct the highlighted fields.";
const ENROLMENT_WRONG_CODE = "That code is not correct. Enter the 6-digit code your app shows now.";

async function actorFor(user: { id: string; email: string }) {
  return { id: user.id, email: user.email, address: clientAddress(await headers()) };
}

/**
 * Every change rotates the user's security stamp, which ends all their
 * sessions; this browser gets a fresh one through a challenge opened already
 * passed, since the user has just proved themselves.
 */
async function keepThisSession(userId: string): Promise<void> {
  const [row] = await getDb().select({ id: users.id, securityStamp: users.securityStamp }).from(users).where(eq(users.id, userId));
  if (row) await signIn("two-factor", { ticket: await createChallenge(getDb(), row, { verified: true }), redirect: false });
}

const PASSWORD_PROBLEMS = { wrong: "The password is not correct.", throttled: THROTTLED, busy: BUSY } as const;

/**
 * Checks the user's current password, then their own code with `check` (given
 * the code and this browser's address). Wrong passwords and codes are audited
 * as at sign-in, with `what` naming the form. Returns what `check` accepted,
 * or the errors to show by the fields.
 */
async function checkOwnProof<T>(user: { id: string; email: string }, form: FormData, what: string, check: (code: string, address: string) => Promise<CodeCheck<T>>): Promise<{ value: T } | { errors: FieldErrors }> {
  const actor = await actorFor(user);
  const wrongPassword = await checkCurrentPassword(user, form.get("password"), actor.address, what);
  if (wrongPassword) return { errors: { password: PASSWORD_PROBLEMS[wrongPassword] } };
  const checked = await check(String(form.get("code") ?? "").slice(0, 64), actor.address);
  if (checked.ok) return { value: checked.value };
  if (checked.reason === "busy") return { errors: { code: BUSY } };
  await auditOwn(getDb(), actor, checked.reason === "throttled" ? "two-factor-throttled" : "two-factor-failed", user.id, what);
  return { errors: { code: checked.reason === "throttled" ? CODE_THROTTLED : WRONG_CODE } };
}

/** A code of the user's authenticator (or a recovery code), behind the sign-in code step's throttle. */
const ownCode = (userId: string) => (code: string, address: string) => throttledCodeCheck(userId, address, () => spendSecondFactor(getDb(), userId, code));

export async function startEnrolmentAction(): Promise<void> {
  const user = await requireUserForTwoFactorSetup();
  await startEnrolment(getDb(), user.id);
  redirect(TWO_FACTOR_SETUP_PATH);
}

export async function cancelEnrolmentAction(): Promise<void> {
  const user = await requireUserForTwoFactorSetup();
  await cancelEnrolment(getDb(), user.id);
  redirect(TWO_FACTOR_SETUP_PATH);
}

export async function confirmEnrolmentAction(_prev: TwoFactorFormState, form: FormData): Promise<TwoFactorFormState> {
  const user = await requireUserForTwoFactorSetup();
  const actor = await actorFor(user);
  const proof = await checkOwnProof(user, form, "Turn on two-factor", async (code) => codeCheck(await confirmEnrolment(getDb(), user.id, code, actor)));
  if ("errors" in proof) return { ok: false, message: FIX, fieldErrors: proof.errors.code === WRONG_CODE ? { code: ENROLMENT_WRONG_CODE } : proof.errors };
  const codes = proof.value;
  await keepThisSession(user.id);
  await rememberCodesToShow(user.id, codes);
  redirect(`${TWO_FACTOR_SETUP_PATH}?notice=on`);
}

/** The user has kept their recovery codes: they are not shown again. */
export async function dismissRecoveryCodesAction(): Promise<void> {
  await requireUserForTwoFactorSetup();
  await forgetCodesToShow();
  redirect("/account");
}

export async function regenerateRecoveryCodesAction(_prev: TwoFactorFormState, form: FormData): Promise<TwoFactorFormState> {
  const user = await requireUser();
  const proof = await checkOwnProof(user, form, "Make new recovery codes", ownCode(user.id));
  if ("errors" in proof) return { ok: false, message: FIX, fieldErrors: proof.errors };
  const codes = await regenerateRecoveryCodes(getDb(), user.id, await actorFor(user));
  await keepThisSession(user.id);
  await rememberCodesToShow(user.id, codes);
  redirect(`${TWO_FACTOR_SETUP_PATH}?notice=codes`);
}

export async function disableTwoFactorAction(_prev: TwoFactorFormState, form: FormData): Promise<TwoFactorFormState> {
  const user = await requireUser();
  const proof = await checkOwnProof(user, form, "Turn off two-factor", ownCode(user.id));
  if ("errors" in proof) return { ok: false, message: FIX, fieldErrors: proof.errors };
  await disableTwoFactor(getDb(), user.id, await actorFor(user));
  await keepThisSession(user.id);
  redirect(`${TWO_FACTOR_SETUP_PATH}?notice=off`);
}

/** An admin resets someone else's two-factor (a lost phone); that user's sessions end. */
export async function adminResetTwoFactorAction(userId: string): Promise<void> {
  const admin = await requireUser();
  if (!admin.access.isAdmin || admin.id === userId) forbidden();
  await resetTwoFactor(getDb(), userId, await actorFor(admin));
  redirect(`/admin/users/${encodeURIComponent(userId)}?notice=two-factor-reset`);
}
