"use server";

import { z } from "zod";
import { refuse } from "../actions/client";
import { userAction } from "../actions/clients";
import { NOT_VALID } from "../actions/state";
import { text } from "../actions/form-input";
import { chosenLocale, setOwnLocale } from "./language";

/** The signed-in user's language (the Language section of /account); a plain form post, works without JavaScript. */
export const setLanguageAction = userAction.formAction({
  input: z.object({ locale: text(16) }),
  run: async ({ ctx: { user, actor }, input }) => {
    const chosen = chosenLocale(input.locale);
    // The select offers only served locales: anything else is a forged request.
    if (!chosen.ok) return refuse(NOT_VALID);
    if (!(await setOwnLocale(user.id, chosen.locale, actor))) return refuse(NOT_VALID);
    // Revalidated, so that the page after the redirect is rendered whole, the root layout's <html lang> included.
    return { redirect: "/account?notice=language", revalidate: "/account" };
  },
});
