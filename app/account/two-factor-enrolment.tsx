"use client";

import { useActionState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { IDLE } from "@/lib/actions/state";
import { confirmEnrolmentAction } from "@/lib/auth/two-factor/account-actions";
import { FormAlert } from "@/components/form-alert";
import { CodeField, CurrentPasswordField } from "./two-factor-code-field";

/** Confirms a new authenticator with its first code; the QR code and key come as children. */
export function EnrolmentPanel({ children }: { children: ReactNode }) {
  const [state, action, pending] = useActionState(confirmEnrolmentAction, IDLE);
  const t = useTranslations("twoFactor.forms");
  return (
    <section aria-labelledby="enrol-heading" className="card space-y-6 p-6">
      <h2 id="enrol-heading" className="text-lg font-semibold">
        {t("enrolHeading")}
      </h2>
      {children}
      <form action={action} className="space-y-4" noValidate>
        <FormAlert message={state.ok ? null : state.message} />
        <CurrentPasswordField id="enrol-password" error={state.fieldErrors?.password} />
        <CodeField id="enrol-code" error={state.fieldErrors?.code} help={t("enrolHelp")} />
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? t("enrolling") : t("enrol")}
        </button>
      </form>
    </section>
  );
}
