import "server-only";
import { getDb } from "../../db";
import { mustSetUpTwoFactor } from "./required";
import { getEnrolment, getTwoFactorStatus } from "./store";

export function getOwnTwoFactorStatus(userId: string) {
  return getTwoFactorStatus(getDb(), userId);
}

/** The secret and URI of an enrolment in progress; null once enrolment is done. */
export function getOwnEnrolment(userId: string, email: string) {
  return getEnrolment(getDb(), userId, email);
}

/** Whether another user has two-factor on, for their details page. */
export async function getUserTwoFactorEnabled(userId: string): Promise<boolean> {
  return (await getTwoFactorStatus(getDb(), userId)).enabled;
}

/** True while REQUIRE_2FA_ROLES keeps this user on the set-up page. */
export function mustSetUpOwnTwoFactor(user: { id: string; roleNames: readonly string[] }): Promise<boolean> {
  return mustSetUpTwoFactor(getDb(), user);
}
