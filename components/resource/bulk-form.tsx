"use client";

import { useActionState, useRef, useState } from "react";
import type { ActionState } from "@/lib/actions/state";
import type { BulkConfirmation } from "@/lib/resources/bulk-actions";
import { BULK_SET, type InlineField } from "@/lib/resources/inline-edit";
import { FormAlert } from "../form-alert";
import { BulkSetField } from "./bulk-set-field";

/**
 * Wraps the list table: rows carry checkboxes named `ids`; the chosen action
 * runs on the server, and a destructive one first comes back asking to confirm
 * with the number of rows it will touch. "Set field…" asks for a field of
 * `setFields` and its value.
 */
export function BulkForm({ action, actions, setFields = [], back, noun, children }: { action: (state: ActionState<BulkConfirmation>, form: FormData) => Promise<ActionState<BulkConfirmation>>; actions: { name: string; label: string }[]; setFields?: InlineField[]; back: string; noun: string; children: React.ReactNode }) {
  const [state, formAction, pending] = useActionState<ActionState<BulkConfirmation>, FormData>(action, { ok: true });
  const [chosen, setChosen] = useState("");
  const formRef = useRef<HTMLFormElement>(null);
  const confirm = state.data?.confirm;
  const toggleAll = (checked: boolean) => {
    formRef.current?.querySelectorAll<HTMLInputElement>('input[name="ids"]').forEach((box) => (box.checked = checked));
  };
  return (
    <>
      {confirm ? (
        <form action={formAction} className="mb-4 flex flex-wrap items-center gap-3 rounded-md bg-red-50 px-4 py-3 ring-1 ring-red-200 dark:bg-red-950 dark:ring-red-900" role="group" aria-label="Confirm bulk action">
          <input type="hidden" name="action" value={confirm.action} />
          <input type="hidden" name="confirmed" value="yes" />
          <input type="hidden" name="back" value={back} />
          {confirm.ids.map((id) => (
            <input key={id} type="hidden" name="ids" value={id} />
          ))}
          <p className="text-sm font-medium text-red-800 dark:text-red-200">
            {confirm.label} {confirm.count} {confirm.count === 1 ? noun.replace(/s$/, "") : noun}? This cannot be undone.
          </p>
          <button type="submit" className="btn-danger" disabled={pending}>
            {pending ? "Working…" : `Yes, ${confirm.label.toLowerCase()} ${confirm.count}`}
          </button>
          <a href={back} className="btn-secondary">
            Cancel
          </a>
        </form>
      ) : null}
      <form action={formAction} ref={formRef} onChange={(e) => {
        const target = e.target as unknown as HTMLInputElement;
        if (target.dataset.selectAll !== undefined) toggleAll(target.checked);
      }}>
        <input type="hidden" name="back" value={back} />
        {actions.length ? (
          <div className="mb-3 flex flex-wrap items-center gap-2">
            <label htmlFor="bulk-action" className="text-sm text-zinc-600 dark:text-zinc-400">
              With selected
            </label>
            <select id="bulk-action" name="action" className="input w-auto" value={chosen} onChange={(e) => setChosen(e.target.value)}>
              <option value="">Choose an action…</option>
              {actions.map((a) => (
                <option key={a.name} value={a.name}>
                  {a.label}
                </option>
              ))}
            </select>
            {chosen === BULK_SET ? <BulkSetField fields={setFields} /> : null}
            <button type="submit" className="btn-secondary" disabled={pending}>
              Apply
            </button>
          </div>
        ) : null}
        <FormAlert message={state.ok ? null : state.message} variant="inline" className="mb-3" />
        {children}
      </form>
    </>
  );
}
