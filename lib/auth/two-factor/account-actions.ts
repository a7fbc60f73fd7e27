"use server";

import { eq } from "drizzle-orm";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getDb } from "../../db";
import { users } from "../../db/schema";
import { clientAddress } from "../../net/client-address";
import { signIn } from "../config";
import { requireUser, requireUserForTwoFactorSetup } from "../dal";
import { verifyPassword } from "../password";
import { createChallenge } from "./challenge";
import { CODE_THROTTLED, WRONG_CODE } from "./messages";
import { TWO_FACTOR_SETUP_PATH } from "./required";
import { forgetCodesToShow, rememberCodesToShow } from "./shown-codes";
import { cancelEnrolment, confirmEnrolment, disableTwoFactor, regenerateRecoveryCodes, resetTwoFactor, startEnrolment, spendSecondFactor } from "./store";
import { refundSecondFactorAttempt, takeSecondFactorAttempt } from "./throttle";

export interface TwoFactorFormState {
  ok: boolean;
  message?: string;
  fieldErrors?: Partial<Record<"code" | "password", string>>;
}

const FIX = "Please correct the highlighted fields.";

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

/**
 * Checks the user's own code (and password, when given), counted against the
 * same throttle as the sign-in code step; null when all is right.
 */
async function checkOwnProof(userId: string, form: FormData, withPassword = false): Promise<TwoFactorFormState["fieldErrors"] | null> {
  const address = clientAddress(await headers());
  if (!(await takeSecondFactorAttempt(userId, address))) return { code: CODE_THROTTLED };
  if (withPassword) {
    const [row] = await getDb().select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
    const password = String(form.get("password") ?? "").slice(0, 1024);
    if (!row?.hash || !(await verifyPassword(password, row.hash))) return { password: "The password is not correct." };
  }
  if (!(await spendSecondFactor(getDb(), userId, String(form.get("code") ?? "").slice(0, 64)))) return { code: WRONG_CODE };
  await refundSecondFactorAttempt(userId, address);
  return null;
}

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
  const codes = await confirmEnrolment(getDb(), user.id, String(form.get("code") ?? "").slice(0, 64), await actorFor(user));
  if (!codes) return { ok: false, message: FIX, fieldErrors: { code: "That code is not correct. Enter the 6-digit code your app shows now." } };
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
  const problem = await checkOwnProof(user.id, form);
  if (problem) return { ok: false, message: FIX, fieldErrors: problem };
  const codes = await regenerateRecoveryCodes(getDb(), user.id, await actorFor(user));
  await keepThisSession(user.id);
  await rememberCodesToShow(user.id, codes);
  redirect(`${TWO_FACTOR_SETUP_PATH}?notice=codes`);
}

export async function disableTwoFactorAction(_prev: TwoFactorFormState, form: FormData): Promise<TwoFactorFormState> {
  const user = await requireUser();
  const problem = await checkOwnProof(user.id, form, true);
  if (problem) return { ok: false, message: FIX, fieldErrors: problem };
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
