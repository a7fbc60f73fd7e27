"use client";

import { useActionState, type ReactNode } from "react";
import { IDLE } from "@/lib/actions/state";
import { confirmEnrolmentAction } from "@/lib/auth/two-factor/account-actions";
import { FormAlert } from "@/components/form-alert";
import { CodeField, CurrentPasswordField } from "./two-factor-code-field";

/** Confirms a new authenticator with its first code; the QR code and key come as children. */
export function EnrolmentPanel({ children }: { children: ReactNode }) {
  const [state, action, pending] = useActionState(confirmEnrolmentAction, IDLE);
  return (
    <section aria-labelledby="enrol-heading" className="card space-y-6 p-6">
      <h2 id="enrol-heading" className="text-lg font-semibold">
        Scan the code with your authenticator app
      </h2>
      {children}
      <form action={action} className="space-y-4" noValidate>
        <FormAlert message={state.ok ? null : state.message} />
        <CurrentPasswordField id="enrol-password" error={state.fieldErrors?.password} />
        <CodeField id="enrol-code" error={state.fieldErrors?.code} help="Enter the 6-digit code the app shows, to confirm it is set up." />
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? "Checking…" : "Turn on two-factor authentication"}
        </button>
      </form>
    </section>
  );
}
