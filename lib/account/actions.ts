"use server";

import { eq } from "drizzle-orm";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { writeAudit } from "../audit";
import { signIn } from "../auth/config";
import { requireUser } from "../auth/dal";
import { checkCurrentPassword } from "../auth/current-password";
import { hashPassword } from "../auth/password";
import { checkPasswordPolicy } from "../auth/password-policy";
import { AuthError } from "next-auth";
import { BUSY, THROTTLED } from "../auth/messages";
import { getDb, writeTransaction } from "../db";
import { users } from "../db/schema";
import { clientAddress } from "../net/client-address";
import { randomToken } from "../random";

export interface PasswordFormState {
  ok: boolean;
  message?: string;
  fieldErrors?: Partial<Record<"current" | "password" | "confirm", string>>;
}

/**
 * Changes the signed-in user's own password. The security stamp rotates, which
 * ends every other session of the user; this one continues because it signs in
 * again with the new password.
 */
export async function changePasswordAction(_prev: PasswordFormState, form: FormData): Promise<PasswordFormState> {
  const user = await requireUser();
  const address = clientAddress(await headers());
  const current = form.get("current");
  const password = String(form.get("password") ?? "").slice(0, 1024);
  const confirm = String(form.get("confirm") ?? "").slice(0, 1024);
  // The current password is a sign-in secret: guessing it here is throttled like sign-in.
  const wrong = await checkCurrentPassword(user, current, address, "Change password");
  if (wrong === "throttled") return { ok: false, message: THROTTLED };
  if (wrong === "busy") return { ok: false, message: BUSY };
  if (wrong) return { ok: false, message: "Please correct the highlighted fields.", fieldErrors: { current: "The current password is not correct." } };
  const problem = checkPasswordPolicy(password, [user.email, user.name ?? ""]);
  if (problem) return { ok: false, message: "Please correct the highlighted fields.", fieldErrors: { password: problem } };
  if (password !== confirm) return { ok: false, message: "Please correct the highlighted fields.", fieldErrors: { confirm: "The two passwords do not match." } };

  const passwordHash = await hashPassword(password);
  await writeTransaction(getDb(), async (tx) => {
    await tx.update(users).set({ passwordHash, securityStamp: randomToken() }).where(eq(users.id, user.id));
    await writeAudit(tx, { id: user.id, email: user.email, address }, { action: "password-change", resource: "users", recordId: user.id, changes: { password: { before: null, after: null } } });
  });
  try {
    await signIn("credentials", { email: user.email, password, redirectTo: "/account?notice=password" });
  } catch (error) {
    // The new password is saved; if signing in again is refused (throttled,
    // busy), the user signs in by hand instead of seeing an error page.
    if (!(error instanceof AuthError)) throw error;
    redirect("/login?callbackUrl=%2Faccount&notice=password-changed");
  }
  redirect("/account?notice=password");
}
