"use client";

import { useActionState } from "react";
import { disableTwoFactorAction, regenerateRecoveryCodesAction, type TwoFactorFormState } from "@/lib/auth/two-factor/account-actions";
import { FormAlert } from "@/components/form-alert";
import { CodeField } from "./two-factor-code-field";

export function RegenerateCodesForm() {
  const [state, action, pending] = useActionState<TwoFactorFormState, FormData>(regenerateRecoveryCodesAction, { ok: true });
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormAlert message={state.ok ? null : state.message} />
      <CodeField id="regenerate-code" error={state.fieldErrors?.code} />
      <button type="submit" className="btn-secondary" disabled={pending}>
        {pending ? "Making new codes…" : "Make new recovery codes"}
      </button>
    </form>
  );
}

export function DisableTwoFactorForm() {
  const [state, action, pending] = useActionState<TwoFactorFormState, FormData>(disableTwoFactorAction, { ok: true });
  const passwordError = state.fieldErrors?.password;
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormAlert message={state.ok ? null : state.message} />
      <div>
        <label htmlFor="disable-password" className="label">
          Current password
        </label>
        <input id="disable-password" name="password" type="password" autoComplete="current-password" required aria-invalid={passwordError ? true : undefined} aria-describedby={passwordError ? "disable-password-error" : undefined} className="input mt-1 max-w-xs" />
        {passwordError ? (
          <p id="disable-password-error" className="mt-1 text-sm text-red-600 dark:text-red-400">
            {passwordError}
          </p>
        ) : null}
      </div>
      <CodeField id="disable-code" error={state.fieldErrors?.code} />
      <button type="submit" className="btn-danger" disabled={pending}>
        {pending ? "Turning off…" : "Turn off two-factor authentication"}
      </button>
    </form>
  );
}
