"use client";

import { useActionState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { IDLE, type ActionState } from "@/lib/actions/state";
import { FormAlert } from "@/components/form-alert";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

const FIELDS = [
  { key: "password", label: "new", help: "newHelp" },
  { key: "confirm", label: "confirm" },
] as const;

/** Choosing a password through a mailed link (reset or invitation); words in `mail.setPassword`. */
export function SetPasswordForm({ action: serverAction, token }: { action: Action; token: string }) {
  const [state, action, pending] = useActionState(serverAction, IDLE);
  const t = useTranslations("mail.setPassword");
  const focusKey = state.ok ? undefined : FIELDS.find((f) => state.fieldErrors?.[f.key])?.key;
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormAlert message={state.ok ? null : state.message} />
      {state.values?.linkGone ? (
        <p className="text-sm">
          <Link href="/password/forgot" className="link">
            {t("askAgain")}
          </Link>
        </p>
      ) : null}
      {FIELDS.map((f) => {
        const error = state.fieldErrors?.[f.key];
        const describedBy = [error ? `${f.key}-error` : null, "help" in f ? `${f.key}-help` : null].filter(Boolean).join(" ") || undefined;
        return (
          <div key={f.key}>
            <label htmlFor={f.key} className="label">
              {t(f.label)}
            </label>
            <input id={f.key} name={f.key} type="password" autoComplete="new-password" required maxLength={1024} autoFocus={f.key === (focusKey ?? "password")} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className="input mt-1" />
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
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
