import "server-only";
import { getDb } from "../db";
import { getSignInInfo } from "../users/queries";

/** This user's sign-in times and addresses, for the account page. */
export function getOwnSignInInfo(userId: string) {
  return getSignInInfo(getDb(), userId);
}
