"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { IDLE } from "@/lib/actions/state";
import { removePasskeyAction } from "@/lib/auth/passkeys/account-actions";
import { FormAlert } from "@/components/form-alert";

/**
 * Removes one of the user's passkeys. When it is the account's only second
 * factor (`last`), removing it turns two-factor off, so the form asks for the
 * current password, as turning two-factor off does.
 */
export function RemovePasskey({ id, name, last }: { id: number; name: string; last: boolean }) {
  const t = useTranslations("passkeys.form");
  const [state, action, pending] = useActionState(removePasskeyAction.bind(null, id), IDLE);
  const field = `passkey-remove-password-${id}`;
  const error = state.fieldErrors?.password;
  return (
    <form action={action} className="space-y-2" noValidate>
      <FormAlert message={state.ok || error ? null : state.message} />
      {last || error ? (
        <>
          <label htmlFor={field} className="label">
            {t("removePassword", { name })}
          </label>
          <p id={`${field}-help`} className="text-sm text-zinc-500 dark:text-zinc-400">
            {t("removePasswordHelp")}
          </p>
          <input id={field} name="password" type="password" autoComplete="current-password" aria-invalid={error ? true : undefined} aria-describedby={error ? `${field}-error ${field}-help` : `${field}-help`} className="input" />
          {error ? (
            <p id={`${field}-error`} className="text-sm text-red-600 dark:text-red-400">
              {error}
            </p>
          ) : null}
        </>
      ) : null}
      <button type="submit" className="btn-danger" aria-label={t("removeNamed", { name })} disabled={pending}>
        {t("remove")}
      </button>
    </form>
  );
}
