"use server";

import { forbidden, notFound } from "next/navigation";
import { z } from "zod";
import { userAction } from "../../actions/clients";
import { getDb } from "../../db";
import { UserFacingError } from "../../errors";
import { removeAllPasskeys } from "./store";

/**
 * An admin removes someone else's passkeys (a lost or stolen device),
 * `adminRemovePasskeysAction.bind(null, userId)`. Audited; it ends no session
 * and changes nothing else: the user signs in with their password.
 */
export const adminRemovePasskeysAction = userAction.formAction({
  bound: z.tuple([z.string().max(200)]),
  input: z.object({}),
  run: async ({ ctx, bound: [userId] }) => {
    if (!ctx.user.access.isAdmin || ctx.user.id === userId) forbidden();
    try {
      await removeAllPasskeys(getDb(), userId, ctx.actor);
    } catch (error) {
      // No such user (a forged id, or one deleted meanwhile): the answer of a missing record.
      if (error instanceof UserFacingError) notFound();
      throw error;
    }
    return { redirect: `/admin/users/${encodeURIComponent(userId)}?notice=passkeys-removed` };
  },
});
