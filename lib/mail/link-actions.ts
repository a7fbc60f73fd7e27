"use server";

import { z } from "zod";
import { refuse } from "../actions/client";
import { publicAction, userAction } from "../actions/clients";
import { text } from "../actions/form-input";
import { checkCurrentPassword } from "../auth/current-password";
import { getDb } from "../db";
import { emailSchema } from "../email";
import { translator } from "../i18n/translator";
import { mailEnabled } from "./config";
import { confirmEmailChange, requestEmailChange } from "./email-change";
import { sendSoon } from "./flush";
import { reportNotMe } from "./not-me";

/** The signed-in user asks to move their account to a new address (current password required). */
export const requestEmailChangeAction = userAction.stateAction({
  input: z.object({ email: z.preprocess((v) => (Array.isArray(v) ? v[0] : v) ?? "", emailSchema), current: text(1024) }),
  run: async ({ ctx: { user, actor }, input: { email, current } }) => {
    const [t, auth] = await Promise.all([translator("mail.emailChange"), translator("auth")]);
    if (!mailEnabled()) return refuse(t("unavailable"));
    if (email === user.email) return refuse(auth("fixFields"), { fieldErrors: { email: t("same") }, values: { email } });
    const wrong = await checkCurrentPassword(user, current, actor.address ?? "", "Change e-mail");
    if (wrong === "throttled") return refuse(auth("throttled"), { values: { email } });
    if (wrong === "busy") return refuse(auth("busy"), { values: { email } });
    if (wrong) return refuse(auth("fixFields"), { fieldErrors: { current: t("currentWrong") }, values: { email } });
    await requestEmailChange(getDb(), user, email, actor.address ?? "");
    void sendSoon();
    return { ok: true, message: t("sent", { email }) };
  },
});

/** The new address's link, confirmed by a button press: public, it acts only on what the token proves. */
export const confirmEmailAction = publicAction.stateAction({
  input: z.object({ token: text(200) }),
  run: async ({ ctx, input: { token } }) => {
    const done = await confirmEmailChange(getDb(), token, ctx.address);
    return done.ok ? { redirect: "/login?notice=email-changed" } : refuse(done.message);
  },
});

/** "This was not me": ends every session of the account the link names. */
export const notMeAction = publicAction.stateAction({
  input: z.object({ token: text(200) }),
  run: async ({ ctx, input: { token } }) => {
    const done = await reportNotMe(getDb(), token, ctx.address);
    return done.ok ? { ok: true, message: (await translator("mail.notMe"))("done") } : refuse(done.message ?? "");
  },
});
