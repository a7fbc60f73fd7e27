"use server";

import { eq } from "drizzle-orm";
import { AuthError } from "next-auth";
import { z } from "zod";
import { refuse } from "../actions/client";
import { userAction } from "../actions/clients";
import { text } from "../actions/form-input";
import { FIX_FIELDS } from "../actions/state";
import { writeAudit } from "../audit";
import { signIn } from "../auth/config";
import { checkCurrentPassword } from "../auth/current-password";
import { BUSY, THROTTLED } from "../auth/messages";
import { hashPassword } from "../auth/password";
import { checkPasswordPolicy } from "../auth/password-policy";
import { getDb, writeTransaction } from "../db";
import { users } from "../db/schema";
import { randomToken } from "../random";

const DONE = "/account?notice=password";
const passwordInput = z.object({ current: text(1024), password: text(1024), confirm: text(1024) });

/**
 * Changes the signed-in user's own password. The security stamp rotates, which
 * ends every other session of the user; this one continues because it signs in
 * again with the new password.
 */
export const changePasswordAction = userAction.stateAction({
  input: passwordInput,
  run: async ({ ctx: { user, actor }, input: { current, password, confirm } }) => {
    // The current password is a sign-in secret: guessing it here is throttled like sign-in.
    const wrong = await checkCurrentPassword(user, current, actor.address ?? "", "Change password");
    if (wrong === "throttled") return refuse(THROTTLED);
    if (wrong === "busy") return refuse(BUSY);
    if (wrong) return refuse(FIX_FIELDS, { fieldErrors: { current: "The current password is not correct." } });
    const problem = checkPasswordPolicy(password, [user.email, user.name ?? ""]);
    if (problem) return refuse(FIX_FIELDS, { fieldErrors: { password: problem } });
    if (password !== confirm) return refuse(FIX_FIELDS, { fieldErrors: { confirm: "The two passwords do not match." } });

    const passwordHash = await hashPassword(password);
    await writeTransaction(getDb(), async (tx) => {
      await tx.update(users).set({ passwordHash, securityStamp: randomToken() }).where(eq(users.id, user.id));
      await writeAudit(tx, actor, { action: "password-change", resource: "users", recordId: user.id, changes: { password: { before: null, after: null } } });
    });
    try {
      await signIn("credentials", { email: user.email, password, redirectTo: DONE, redirect: false });
    } catch (error) {
      // The new password is saved; if signing in again is refused (throttled,
      // busy), the user signs in by hand instead of seeing an error page.
      if (!(error instanceof AuthError)) throw error;
      return { redirect: "/login?callbackUrl=%2Faccount&notice=password-changed" };
    }
    return { redirect: DONE };
  },
});
