"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { IDLE } from "@/lib/actions/state";
import { FormAlert } from "@/components/form-alert";
import { inviteAction, resendInvitationAction, revokeInvitationAction } from "@/lib/mail/invitation-actions";

function Done({ message }: { message?: string }) {
  return (
    <div aria-live="polite">
      {message ? (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-300">
          {message}
        </p>
      ) : null}
    </div>
  );
}

export function InviteForm() {
  const [state, action, pending] = useActionState(inviteAction.bind(null, "users"), IDLE);
  const t = useTranslations("mail.invitations");
  const error = state.fieldErrors?.email;
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" noValidate>
      <div>
        <label htmlFor="invite-email" className="label">
          {t("email")}
        </label>
        <input id="invite-email" name="email" type="email" required maxLength={254} aria-invalid={error ? true : undefined} aria-describedby={error ? "invite-email-error" : undefined} className="input mt-1" />
        {error ? (
          <p id="invite-email-error" className="mt-1 text-sm text-red-600 dark:text-red-400">
            {error}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor="invite-name" className="label">
          {t("name")}
        </label>
        <input id="invite-name" name="name" type="text" maxLength={100} className="input mt-1" />
      </div>
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
      <div className="basis-full">
        <FormAlert message={state.ok || error ? null : state.message} />
        <Done message={state.ok ? state.message : undefined} />
      </div>
    </form>
  );
}

/** "Send again" or "Revoke" for one pending invitation, with its answer beside it. */
export function InvitationButton({ kind, id, email }: { kind: "resend" | "revoke"; id: string; email: string }) {
  const [state, action, pending] = useActionState((kind === "resend" ? resendInvitationAction : revokeInvitationAction).bind(null, "users", id), IDLE);
  const t = useTranslations("mail.invitations");
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="email" value={email} />
      <button type="submit" className={kind === "resend" ? "btn-secondary" : "btn-danger"} disabled={pending} aria-label={t(kind === "resend" ? "resendTo" : "revokeFor", { email })}>
        {t(kind)}
      </button>
      <FormAlert message={state.ok ? null : state.message} variant="inline" />
      <Done message={state.ok ? state.message : undefined} />
    </form>
  );
}
