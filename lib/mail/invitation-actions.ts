"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { refuse } from "@/lib/actions/client";
import { resourceAction } from "@/lib/actions/clients";
import { text } from "@/lib/actions/form-input";
import { getDb } from "@/lib/db";
import { emailSchema } from "@/lib/email";
import { UserFacingError } from "@/lib/errors";
import { translator } from "@/lib/i18n/translator";
import { mailEnabled } from "./config";
import { sendSoon } from "./flush";
import { inviteUser, resendInvitation, revokeInvitation } from "./invitations";

/**
 * The users list's invitation forms. Inviting and sending again need
 * `users:create`, revoking `users:update`; a pending account the user may not
 * change by the delegation rules is refused inside the write. Roles are
 * granted afterwards on the account's edit page, under the same rules.
 */

const users = z.tuple([z.literal("users")]);
const usersAndId = z.tuple([z.literal("users"), z.string().max(200)]);

async function answer(work: () => Promise<string>) {
  try {
    const message = await work();
    revalidatePath("/admin/users");
    return { ok: true, message };
  } catch (error) {
    if (error instanceof UserFacingError) return refuse(error.message, error.field ? { fieldErrors: { [error.field]: error.message } } : {});
    throw error;
  }
}

export const inviteAction = resourceAction("create").stateAction({
  bound: users,
  input: z.object({ email: z.preprocess((v) => (Array.isArray(v) ? v[0] : v) ?? "", emailSchema), name: text(100) }),
  run: async ({ ctx: { actor }, input: { email, name } }) => {
    const t = await translator("mail.invitations");
    if (!mailEnabled()) return refuse(t("unavailable"));
    return answer(async () => {
      await inviteUser(getDb(), { email, name: name.trim() || null }, actor);
      void sendSoon();
      return t("sent", { email });
    });
  },
});

export const resendInvitationAction = resourceAction("create").stateAction({
  bound: usersAndId,
  input: z.object({ email: text(254) }),
  run: async ({ ctx: { actor, editor }, bound: [, id], input: { email } }) => {
    const t = await translator("mail.invitations");
    if (!mailEnabled()) return refuse(t("unavailable"));
    return answer(async () => {
      await resendInvitation(getDb(), id, actor, editor);
      void sendSoon();
      return t("resent", { email });
    });
  },
});

export const revokeInvitationAction = resourceAction("update").stateAction({
  bound: usersAndId,
  input: z.object({ email: text(254) }),
  run: async ({ ctx: { actor, editor }, bound: [, id], input: { email } }) => {
    const t = await translator("mail.invitations");
    return answer(async () => {
      await revokeInvitation(getDb(), id, actor, editor);
      return t("revoked", { email });
    });
  },
});
