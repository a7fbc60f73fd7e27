"use client";

import { useActionState, useEffect, useRef } from "react";
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
  const focusKey = state.ok ? undefined : FIELDS.find((f) => state.fieldErrors?.[f.key])?.key;
  const formRef = useRef<HTMLFormElement>(null);
  // After a failed submit: focus on the first field with an error, else the summary (autoFocus covers no-JS page loads).
  useEffect(() => {
    const form = formRef.current;
    if (state.ok || !form) return;
    const target = form.querySelector<HTMLElement>(focusKey ? `#${focusKey}` : '[role="alert"]');
    if (target && !focusKey) target.tabIndex = -1;
    target?.focus();
  }, [state, focusKey]);
  return (
    // Remounted after a failed submit, so the fields show what the action gave back (the new password, not the current one).
    <form ref={formRef} action={action} className="space-y-4" noValidate key={JSON.stringify(state.values ?? null)}>
      <FormAlert message={state.ok ? null : state.message} />
      {FIELDS.map((f) => {
        const error = state.fieldErrors?.[f.key];
        const describedBy = [error ? `${f.key}-error` : null, "help" in f ? `${f.key}-help` : null].filter(Boolean).join(" ") || undefined;
        return (
          <div key={f.key}>
            <label htmlFor={f.key} className="label">
              {f.label}
            </label>
            <input id={f.key} name={f.key} type="password" autoComplete={f.autoComplete} required defaultValue={f.key === "current" ? undefined : state.values?.[f.key]} autoFocus={f.key === focusKey} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className="input mt-1" />
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
