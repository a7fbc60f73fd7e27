"use client";

import { useActionState, useState } from "react";
import { IDLE, type ActionState } from "@/lib/actions/state";
import { FormAlert } from "../form-alert";

/** Delete with a confirmation step; the server action re-checks the permission. */
export function DeleteButton({ action, what }: { action: (state: ActionState, form: FormData) => Promise<ActionState>; what: string }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const [confirming, setConfirming] = useState(false);
  return (
    <div>
      {confirming ? (
        <form action={formAction} className="flex flex-wrap items-center gap-2" role="group" aria-label="Confirm deletion">
          <span className="text-sm">Delete {what}? This cannot be undone.</span>
          <button type="submit" className="btn-danger" disabled={pending}>
            {pending ? "Deleting…" : "Yes, delete"}
          </button>
          <button type="button" className="btn-secondary" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" className="btn-danger" onClick={() => setConfirming(true)}>
          Delete
        </button>
      )}
      <FormAlert message={state.ok ? null : state.message} variant="inline" className="mt-2" />
    </div>
  );
}
