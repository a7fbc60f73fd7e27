import { eq } from "drizzle-orm";
import { getDb } from "../db";
import { users } from "../db/schema";
import { checkPasswordThrottled } from "./password-check";
import { auditOwn } from "./sign-in-record";
import { SignInBusy, SignInThrottled } from "./throttle";

export type PasswordProblem = "wrong" | "throttled" | "busy";

/**
 * Checks a signed-in user's current password, which an /account form asks
 * for before a change a stolen session must not make. It is a sign-in secret:
 * checked as a sign-in attempt (password-check.ts) and a wrong one is audited
 * (`password-failed`, with `what` the form) like sign-in's. Null when right.
 */
export async function checkCurrentPassword(user: { id: string; email: string }, raw: unknown, address: string, what: string): Promise<PasswordProblem | null> {
  const password = String(raw ?? "").slice(0, 1024);
  const load = async () => (await getDb().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id)))[0];
  try {
    return await checkPasswordThrottled(user.email, address, password, load, async (_row, ok, attempt) => {
      if (!ok) {
        await auditOwn(getDb(), { id: user.id, email: user.email, address }, "password-failed", user.id, what);
        return "wrong";
      }
      await attempt.succeeded();
      return null;
    }, false);
  } catch (error) {
    if (error instanceof SignInThrottled) return "throttled";
    if (error instanceof SignInBusy) return "busy";
    throw error;
  }
}
