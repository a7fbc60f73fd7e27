import { eq } from "drizzle-orm";
import { getDb } from "../db";
import { users } from "../db/schema";
import { verifyPassword } from "./password";
import { auditOwn } from "./sign-in-record";
import { SignInBusy, SignInThrottled, startSignInAttempt } from "./throttle";

export type PasswordProblem = "wrong" | "throttled" | "busy";

/**
 * Checks a signed-in user's current password, which an /account form asks
 * for before a change a stolen session must not make. It is a sign-in secret:
 * guesses are throttled like sign-in's and a wrong one is audited
 * (`password-failed`, with `what` the form) like sign-in's. Null when right.
 */
export async function checkCurrentPassword(user: { id: string; email: string }, raw: unknown, address: string, what: string): Promise<PasswordProblem | null> {
  const password = String(raw ?? "").slice(0, 1024);
  let attempt;
  try {
    attempt = await startSignInAttempt(user.email, address);
  } catch (error) {
    if (error instanceof SignInThrottled) return "throttled";
    if (error instanceof SignInBusy) return "busy";
    throw error;
  }
  try {
    const [row] = await getDb().select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    if (!row?.hash || !password || !(await verifyPassword(password, row.hash))) {
      await auditOwn(getDb(), { id: user.id, email: user.email, address }, "password-failed", user.id, what);
      return "wrong";
    }
    await attempt.succeeded();
    return null;
  } finally {
    attempt.end();
  }
}
