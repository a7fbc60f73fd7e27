"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { loginAction } from "./actions";

export function LoginForm({ callbackUrl, initialMessage }: { callbackUrl: string; initialMessage?: string }) {
  const [state, action, pending] = useActionState(loginAction, { ok: !initialMessage, message: initialMessage });
  const emailRef = useRef<HTMLInputElement>(null);
  // After a refusal, back to Email (it names the error), not the page body the disabled button left focus on.
  useEffect(() => {
    if (state.message) emailRef.current?.focus();
  }, [state]);
  const t = useTranslations("login.form");
  return (
    <form action={action} className="space-y-5" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div>
        <label htmlFor="email" className="label">
          {t("email")}
        </label>
        <input ref={emailRef} id="email" name="email" type="email" autoComplete="username webauthn" required autoFocus maxLength={254} defaultValue={typeof state.values?.email === "string" ? state.values.email : undefined} className="input mt-1" aria-describedby={state.message ? "login-error" : undefined} />
      </div>
      <div>
        <label htmlFor="password" className="label">
          {t("password")}
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required maxLength={1024} className="input mt-1" />
      </div>
      <div aria-live="polite" id="login-error">
        {state.message ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
            {state.message}
          </p>
        ) : null}
      </div>
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
