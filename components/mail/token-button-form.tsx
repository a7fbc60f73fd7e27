"use client";

import { useActionState } from "react";
import { IDLE, type ActionState } from "@/lib/actions/state";
import { FormAlert } from "@/components/form-alert";

/** A mailed link's one button (confirm an address, sign out everywhere): a POST, so a mail scanner's GET changes nothing. */
export function TokenButtonForm({ action: serverAction, token, label, danger }: { action: (state: ActionState, form: FormData) => Promise<ActionState>; token: string; label: string; danger?: boolean }) {
  const [state, action, pending] = useActionState(serverAction, IDLE);
  if (state.ok && state.message) {
    return (
      <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
        {state.message}
      </p>
    );
  }
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <FormAlert message={state.ok ? null : state.message} />
      <button type="submit" className={`${danger ? "btn-danger" : "btn-primary"} w-full`} disabled={pending}>
        {label}
      </button>
    </form>
  );
}
