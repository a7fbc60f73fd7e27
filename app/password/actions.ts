"use server";

import { z } from "zod";
import { refuse } from "@/lib/actions/client";
import { publicAction } from "@/lib/actions/clients";
import { text } from "@/lib/actions/form-input";
import { getDb } from "@/lib/db";
import { emailSchema } from "@/lib/email";
import { translator } from "@/lib/i18n/translator";
import { mailEnabled } from "@/lib/mail/config";
import { requestPasswordReset } from "@/lib/mail/password-reset";
import { setPasswordByLink, type PasswordLink } from "@/lib/mail/set-password";

/**
 * The mailed-link forms, public by necessity (no one is signed in): each acts
 * only on what the request proves, an address (for which it reveals nothing)
 * or a link's token.
 */

const forgotInput = z.object({ email: z.preprocess((v) => (Array.isArray(v) ? v[0] : v) ?? "", emailSchema) });

export const forgotPasswordAction = publicAction.stateAction({
  input: forgotInput,
  run: async ({ ctx, input: { email } }) => {
    const t = await translator("mail.forgot");
    if (!mailEnabled()) return refuse(t("unavailable"));
    const outcome = await requestPasswordReset(getDb(), email, ctx.address);
    // The same answer for every address: whether it has an account is not told.
    if (outcome === "throttled") return refuse(t("throttled"), { values: { email } });
    return { ok: true, message: t("sent") };
  },
});

const setPasswordInput = z.object({ token: text(200), password: text(1024), confirm: text(1024) });

function setPasswordAction(kind: PasswordLink) {
  return publicAction.stateAction({
    input: setPasswordInput,
    run: async ({ ctx, input }) => {
      const result = await setPasswordByLink(getDb(), kind, input.token, input, ctx.address);
      if (result.ok) return { redirect: "/login?notice=password-set" };
      return refuse(result.message, { fieldErrors: result.fieldErrors, values: result.linkGone ? { linkGone: "1" } : undefined });
    },
  });
}

export const resetPasswordAction = setPasswordAction("reset");
export const acceptInvitationAction = setPasswordAction("invite");
