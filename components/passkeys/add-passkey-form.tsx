"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { IDLE, type ActionState } from "@/lib/actions/state";
import { addPasskeyAction, passkeyRegistrationOptionsAction } from "@/lib/auth/passkeys/account-actions";
import { FormAlert } from "@/components/form-alert";
import { createCredential, formOf, useWebAuthnSupport } from "./ceremony";

/** Adds a passkey: its name and the current password checked first, then the browser creates it and the server stores it. */
export function AddPasskeyForm() {
  const t = useTranslations("passkeys.form");
  const [state, setState] = useState<ActionState<unknown>>(IDLE);
  const [pending, setPending] = useState(false);
  const supported = useWebAuthnSupport();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setPending(true);
    try {
      const opened = await passkeyRegistrationOptionsAction(IDLE, data);
      if (!opened.ok || !opened.data) return setState(opened);
      const response = await createCredential(opened.data.options);
      if (!response) return setState({ ok: false, message: t("cancelled") });
      // Reached only when refused: an added passkey redirects.
      setState(await addPasskeyAction(IDLE, formOf({ name: String(data.get("name") ?? ""), response })));
    } finally {
      setPending(false);
    }
  };
  const fields = [
    { key: "name", type: "text", autoComplete: "off", maxLength: 100 },
    { key: "password", type: "password", autoComplete: "current-password", maxLength: 1024 },
  ] as const;
  return (
    <form onSubmit={submit} className="space-y-4" noValidate aria-labelledby="add-passkey-heading">
      <h3 id="add-passkey-heading" className="text-base font-semibold">
        {t("addHeading")}
      </h3>
      <FormAlert message={state.ok ? (supported === false ? t("unsupported") : null) : state.message} />
      {fields.map((f) => {
        const error = state.fieldErrors?.[f.key];
        return (
          <div key={f.key}>
            <label htmlFor={`passkey-${f.key}`} className="label">
              {t(f.key)}
            </label>
            <input id={`passkey-${f.key}`} name={f.key} type={f.type} autoComplete={f.autoComplete} maxLength={f.maxLength} aria-invalid={error ? true : undefined} aria-describedby={`passkey-${f.key}-help${error ? ` passkey-${f.key}-error` : ""}`} className="input mt-1" />
            <p id={`passkey-${f.key}-help`} className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
              {t(f.key === "name" ? "nameHelp" : "passwordHelp")}
            </p>
            {error ? (
              <p id={`passkey-${f.key}-error`} className="mt-1 text-sm text-red-600 dark:text-red-400">
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
      <button type="submit" className="btn-primary" disabled={!supported || pending}>
        {pending ? t("adding") : t("add")}
      </button>
    </form>
  );
}
