import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "../db";
import { users } from "../db/schema";
import { getSignInInfo } from "../users/queries";

/** This user's sign-in times and addresses, for the account page. */
export function getOwnSignInInfo(userId: string) {
  return getSignInInfo(getDb(), userId);
}

/** Whether the user asked to be mailed about sign-ins from new addresses (the Sign-in notices section of /account). */
export async function getOwnSignInNotice(userId: string): Promise<boolean> {
  const [row] = await getDb().select({ on: users.notifyNewSignInAddress }).from(users).where(eq(users.id, userId));
  return row?.on === true;
}
