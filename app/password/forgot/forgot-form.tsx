"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { IDLE } from "@/lib/actions/state";
import { FormAlert } from "@/components/form-alert";
import { forgotPasswordAction } from "../actions";

export function ForgotForm() {
  const [state, action, pending] = useActionState(forgotPasswordAction, IDLE);
  const t = useTranslations("mail.forgot");
  const error = state.fieldErrors?.email;
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormAlert message={state.ok ? null : state.message} />
      <div aria-live="polite">
        {state.ok && state.message ? (
          <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
            {state.message}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor="email" className="label">
          {t("email")}
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required autoFocus maxLength={254} defaultValue={typeof state.values?.email === "string" ? state.values.email : undefined} aria-invalid={error ? true : undefined} aria-describedby={error ? "email-error" : undefined} className="input mt-1" />
        {error ? (
          <p id="email-error" className="mt-1 text-sm text-red-600 dark:text-red-400">
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
