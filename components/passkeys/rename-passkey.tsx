"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { IDLE } from "@/lib/actions/state";
import { renamePasskeyAction } from "@/lib/auth/passkeys/account-actions";
import { FormAlert } from "@/components/form-alert";

/** Renames one of the user's passkeys, behind a "Rename" disclosure. */
export function RenamePasskey({ id, name }: { id: number; name: string }) {
  const t = useTranslations("passkeys.form");
  const [state, action, pending] = useActionState(renamePasskeyAction.bind(null, id), IDLE);
  const field = `passkey-name-${id}`;
  const error = state.fieldErrors?.name;
  return (
    <details className="text-sm" open={!state.ok || undefined}>
      <summary className="cursor-pointer">{t("rename")}</summary>
      <form action={action} className="mt-2 space-y-2" noValidate>
        <FormAlert message={state.ok || error ? null : state.message} />
        <label htmlFor={field} className="label">
          {t("newName", { name })}
        </label>
        <input id={field} name="name" type="text" defaultValue={name} maxLength={100} autoComplete="off" aria-invalid={error ? true : undefined} aria-describedby={error ? `${field}-error` : undefined} className="input" />
        {error ? (
          <p id={`${field}-error`} className="text-sm text-red-600 dark:text-red-400">
            {error}
          </p>
        ) : null}
        <button type="submit" className="btn-secondary" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </button>
      </form>
    </details>
  );
}
