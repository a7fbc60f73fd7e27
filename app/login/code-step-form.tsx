"use client";

import { useActionState, useEffect, useRef } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { IDLE } from "@/lib/actions/state";
import { verifySignInCodeAction } from "@/lib/auth/two-factor/sign-in-actions";
import { FormAlert } from "@/components/form-alert";
import { signInUrl } from "./sign-in-url";

export function CodeStepForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState(verifySignInCodeAction, IDLE);
  const codeRef = useRef<HTMLInputElement>(null);
  // After a wrong code, back to the (now cleared) field, not the page body the disabled button left focus on.
  useEffect(() => {
    if (state.message) codeRef.current?.focus();
  }, [state]);
  const t = useTranslations("login.codeStep");
  if (state.data?.expired) {
    return (
      <div className="space-y-4">
        <FormAlert message={state.message} />
        <Link href={signInUrl(callbackUrl)} className="btn-primary w-full">
          {t("signInAgain")}
        </Link>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-5" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div>
        <label htmlFor="code" className="label">
          {t("code")}
        </label>
        <input ref={codeRef} id="code" name="code" type="text" inputMode="numeric" autoComplete="one-time-code" required autoFocus maxLength={64} className="input mt-1" aria-describedby={state.message ? "code-help code-error" : "code-help"} aria-invalid={state.message ? true : undefined} />
        <p id="code-help" className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
          {t("codeHelp")}
        </p>
      </div>
      <div id="code-error">
        <FormAlert message={state.message} />
      </div>
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
