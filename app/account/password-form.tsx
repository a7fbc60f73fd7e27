"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { changePasswordAction } from "@/lib/account/actions";
import { IDLE } from "@/lib/actions/state";
import { FormAlert } from "@/components/form-alert";

/** The form's fields, each with its label (and help) in messages `account.password.form`. */
const FIELDS = [
  { key: "current", label: "current", autoComplete: "current-password" },
  { key: "password", label: "new", autoComplete: "new-password", help: "newHelp" },
  { key: "confirm", label: "confirm", autoComplete: "new-password" },
] as const;

export function PasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, IDLE);
  const t = useTranslations("account.password.form");
  const focusKey = state.ok ? undefined : FIELDS.find((f) => state.fieldErrors?.[f.key])?.key;
  const formRef = useRef<HTMLFormElement>(null);
  // After a failed submit: focus on the first field with an error, else the summary (autoFocus covers no-JS page loads).
  useEffect(() => {
    const form = formRef.current;
    if (state.ok || !form) return;
    // A refused current password is typed again; the new one stays as typed.
    if (state.fieldErrors?.current) form.querySelector<HTMLInputElement>("#current")!.value = "";
    const target = form.querySelector<HTMLElement>(focusKey ? `#${focusKey}` : '[role="alert"]');
    if (target && !focusKey) target.tabIndex = -1;
    target?.focus();
  }, [state, focusKey]);
  // Submitted by hand rather than through the form's action, so that React does
  // not reset the form: after a refusal what was typed stays in the browser (no
  // password is ever sent back), except a current password that was wrong.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(() => action(data));
  };
  return (
    // `action` stays for a browser without JavaScript (a plain POST; its fields come back empty).
    <form ref={formRef} action={action} onSubmit={submit} className="space-y-4" noValidate>
      <FormAlert message={state.ok ? null : state.message} />
      {FIELDS.map((f) => {
        const error = state.fieldErrors?.[f.key];
        const describedBy = [error ? `${f.key}-error` : null, "help" in f ? `${f.key}-help` : null].filter(Boolean).join(" ") || undefined;
        return (
          <div key={f.key}>
            <label htmlFor={f.key} className="label">
              {t(f.label)}
            </label>
            <input id={f.key} name={f.key} type="password" autoComplete={f.autoComplete} required autoFocus={f.key === focusKey} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className="input mt-1" />
            {"help" in f ? (
              <p id={`${f.key}-help`} className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
                {t(f.help)}
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
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
