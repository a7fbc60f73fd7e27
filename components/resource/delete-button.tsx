"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { IDLE, type ActionState } from "@/lib/actions/state";
import { FormAlert } from "../form-alert";

/**
 * The delete confirmation page's form: a real form that posts without
 * JavaScript; a refusal (last admin, the admin role) comes back in the action
 * state and is shown above the buttons. The server action re-checks everything.
 * Its words: the `deletion.form` messages (ClientMessages in the page).
 */
export function DeleteForm({ action, cancelHref }: { action: (state: ActionState, form: FormData) => Promise<ActionState>; cancelHref: string }) {
  const t = useTranslations("deletion.form");
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="mt-6">
      <FormAlert message={state.ok ? null : state.message} className="mb-4" />
      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" className="btn-danger" disabled={pending}>
          {pending ? t("pending") : t("confirm")}
        </button>
        <a href={cancelHref} className="btn-secondary">
          {t("cancel")}
        </a>
      </div>
    </form>
  );
}
