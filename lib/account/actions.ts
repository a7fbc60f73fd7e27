"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { refuse } from "../actions/client";
import { userAction } from "../actions/clients";
import { text } from "../actions/form-input";
import { signIn } from "../auth/config";
import { changeOwnPassword } from "./password";

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
    // The current password is a sign-in secret: guessing it is throttled like sign-in (changeOwnPassword).
    const changed = await changeOwnPassword(user, { current, password, confirm }, actor.address ?? "");
    // No password travels back to the browser: the form keeps what was typed itself (PasswordForm).
    if (!changed.ok) return refuse(changed.message, { fieldErrors: changed.fieldErrors });
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
