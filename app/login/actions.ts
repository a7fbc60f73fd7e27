"use server";

import { AuthError } from "next-auth";
import { getTranslations } from "@/lib/i18n/server";
import { z } from "zod";
import { refuse } from "@/lib/actions/client";
import { publicAction } from "@/lib/actions/clients";
import { text, whole } from "@/lib/actions/form-input";
import { signIn } from "@/lib/auth/config";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { landingForUser } from "@/lib/auth/landing";
import { signInMessage } from "@/lib/auth/messages";
import { codeStepUrl } from "@/lib/auth/two-factor/messages";

const loginInput = z.object({ email: text(254), password: text(1024), callbackUrl: whole });

/** Sign-in, public by necessity: Auth.js checks the password, throttles and audits (lib/auth/credentials.ts). */
export const loginAction = publicAction.stateAction({
  input: loginInput,
  run: async ({ input: { email, password, callbackUrl } }) => {
    // Empty when nothing asked for a page: the landing is decided once the user is known.
    const asked = safeCallbackUrl(callbackUrl, "");
    try {
      await signIn("credentials", { email, password, redirectTo: asked || "/admin", redirect: false });
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      const code = (error as AuthError & { code?: string }).code;
      // Right password, two-factor account: on to the code step (its challenge cookie is set).
      if (code === "two-factor") return { redirect: codeStepUrl(asked) };
      return refuse((await getTranslations("login.errors"))(signInMessage(code)), { values: { email } });
    }
    return { redirect: asked || (await landingForUser({ email })) };
  },
});
