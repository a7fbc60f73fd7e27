import "server-only";
import { cookies } from "next/headers";
import { getDb } from "../../db";
import { CHALLENGE_COOKIE, findChallenge } from "../two-factor/challenge";
import { isLastSecondFactor, secondFactors } from "../second-factors";
import { countPasskeys, listPasskeys } from "./store";

/** Which second factors the pending sign-in of this browser may answer with; null when there is none. */
export async function pendingSecondFactors(): Promise<{ code: boolean; passkey: boolean } | null> {
  const db = getDb();
  const challenge = await findChallenge(db, (await cookies()).get(CHALLENGE_COOKIE)?.value);
  if (!challenge || challenge.verified) return null;
  const factors = await secondFactors(db, challenge.userId);
  return { code: factors.app, passkey: factors.passkeys > 0 };
}

export function getOwnPasskeys(userId: string) {
  return listPasskeys(getDb(), userId);
}

/** Whether removing one of the user's passkeys would leave them without a second factor. */
export function passkeyIsLastSecondFactor(userId: string) {
  return isLastSecondFactor(getDb(), userId);
}

/** How many passkeys another user has, for their details page. */
export function getUserPasskeyCount(userId: string) {
  return countPasskeys(getDb(), userId);
}
