"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { IDLE } from "@/lib/actions/state";
import { FormAlert } from "@/components/form-alert";
import { requestEmailChangeAction } from "@/lib/mail/link-actions";

const FIELDS = [
  { key: "email", type: "email", autoComplete: "email" },
  { key: "current", type: "password", autoComplete: "current-password" },
] as const;

export function EmailChangeForm() {
  const [state, action, pending] = useActionState(requestEmailChangeAction, IDLE);
  const t = useTranslations("mail.emailChange");
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormAlert message={state.ok ? null : state.message} />
      <div aria-live="polite">
        {state.ok && state.message ? (
          <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
            {state.message}
          </p>
        ) : null}
      </div>
      {FIELDS.map((f) => {
        const error = state.fieldErrors?.[f.key];
        const id = `change-${f.key}`;
        return (
          <div key={f.key}>
            <label htmlFor={id} className="label">
              {t(f.key)}
            </label>
            <input id={id} name={f.key} type={f.type} autoComplete={f.autoComplete} required maxLength={f.type === "email" ? 254 : 1024} defaultValue={f.key === "email" && typeof state.values?.email === "string" ? state.values.email : undefined} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className="input mt-1" />
            {error ? (
              <p id={`${id}-error`} className="mt-1 text-sm text-red-600 dark:text-red-400">
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
