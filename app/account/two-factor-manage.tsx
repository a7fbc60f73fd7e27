"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { IDLE } from "@/lib/actions/state";
import { disableTwoFactorAction, regenerateRecoveryCodesAction } from "@/lib/auth/two-factor/account-actions";
import { FormAlert } from "@/components/form-alert";
import { CodeField, CurrentPasswordField } from "./two-factor-code-field";

export function RegenerateCodesForm() {
  const [state, action, pending] = useActionState(regenerateRecoveryCodesAction, IDLE);
  const t = useTranslations("twoFactor.forms");
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormAlert message={state.ok ? null : state.message} />
      <CurrentPasswordField id="regenerate-password" error={state.fieldErrors?.password} />
      <CodeField id="regenerate-code" error={state.fieldErrors?.code} />
      <button type="submit" className="btn-secondary" disabled={pending}>
        {pending ? t("regenerating") : t("regenerate")}
      </button>
    </form>
  );
}

export function DisableTwoFactorForm() {
  const [state, action, pending] = useActionState(disableTwoFactorAction, IDLE);
  const t = useTranslations("twoFactor.forms");
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormAlert message={state.ok ? null : state.message} />
      <CurrentPasswordField id="disable-password" error={state.fieldErrors?.password} />
      <CodeField id="disable-code" error={state.fieldErrors?.code} />
      <button type="submit" className="btn-danger" disabled={pending}>
        {pending ? t("disabling") : t("disable")}
      </button>
    </form>
  );
}
