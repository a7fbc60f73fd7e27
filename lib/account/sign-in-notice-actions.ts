"use server";

import { z } from "zod";
import { refuse } from "../actions/client";
import { userAction } from "../actions/clients";
import { NOT_VALID } from "../actions/state";
import { text } from "../actions/form-input";
import { setOwnSignInNotice } from "./sign-in-notice";

/** The signed-in user's choice of notices about sign-ins from new addresses (/account); a plain form post, works without JavaScript. */
export const setSignInNoticeAction = userAction.formAction({
  input: z.object({ notify: text(8) }),
  run: async ({ ctx: { user, actor }, input }) => {
    // A checkbox sends "on" or nothing: anything else is a forged request.
    if (input.notify !== "" && input.notify !== "on") return refuse(NOT_VALID);
    if (!(await setOwnSignInNotice(user.id, input.notify === "on", actor))) return refuse(NOT_VALID);
    return { redirect: "/account?notice=sign-in-notice", revalidate: "/account" };
  },
});
