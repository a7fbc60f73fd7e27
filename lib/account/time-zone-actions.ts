"use server";

import { z } from "zod";
import { refuse } from "../actions/client";
import { userAction } from "../actions/clients";
import { NOT_VALID } from "../actions/state";
import { text } from "../actions/form-input";
import { chosenTimeZone, setOwnTimeZone } from "./time-zone";

/** The signed-in user's time zone (the Time zone section of /account); a plain form post, works without JavaScript. */
export const setTimeZoneAction = userAction.formAction({
  input: z.object({ timeZone: text(64) }),
  run: async ({ ctx: { user, actor }, input }) => {
    const chosen = chosenTimeZone(input.timeZone);
    // The select offers only Intl's zones: anything else is a forged request.
    if (!chosen.ok) return refuse(NOT_VALID);
    if (!(await setOwnTimeZone(user.id, chosen.timeZone, actor))) return refuse(NOT_VALID);
    // Revalidated, so that the page after the redirect is rendered whole, every time on it in the new zone.
    return { redirect: "/account?notice=time-zone", revalidate: "/account" };
  },
});
