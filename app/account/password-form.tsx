"use client";

import { useActionState } from "react";
import { changePasswordAction } from "@/lib/account/actions";
import { IDLE } from "@/lib/actions/state";
import { FormAlert } from "@/components/form-alert";

const FIELDS = [
  { key: "current", label: "Current password", autoComplete: "current-password" },
  { key: "password", label: "New password", autoComplete: "new-password", help: "At least 8 characters and at most 72 bytes; not a common or guessable password." },
  { key: "confirm", label: "Repeat new password", autoComplete: "new-password" },
] as const;

export function PasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, IDLE);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormAlert message={state.ok ? null : state.message} />
      {FIELDS.map((f) => {
        const error = state.fieldErrors?.[f.key];
        const describedBy = [error ? `${f.key}-error` : null, "help" in f ? `${f.key}-help` : null].filter(Boolean).join(" ") || undefined;
        return (
          <div key={f.key}>
            <label htmlFor={f.key} className="label">
              {f.label}
            </label>
            <input id={f.key} name={f.key} type="password" autoComplete={f.autoComplete} required aria-invalid={error ? true : undefined} aria-describedby={describedBy} className="input mt-1" />
            {"help" in f ? (
              <p id={`${f.key}-help`} className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
                {f.help}
              </p>
            ) : null}
            {error ? (
              <p id={`${f.key}-error`} className="mt-1 text-sm text-red-600 dark:text-red-400">
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
