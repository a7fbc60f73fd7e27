import type { FormEvent } from "react";
import type { BulkConfirmation } from "@/lib/resources/bulk-actions";

const WORDS = {
  group: "Confirm bulk action",
  question: (label: string, count: number, noun: string, all: boolean) => `${label} ${all ? "all " : ""}${count} ${all ? "matching " : ""}${noun}? This cannot be undone.`,
  changed: "The number of matching rows has changed since you chose the action.",
  yes: (label: string, count: number) => `Yes, ${label.toLowerCase()} ${count}`,
  working: "Working…",
  cancel: "Cancel",
};

/**
 * The question a destructive bulk action comes back with: the real number of
 * rows it will touch (for "all matching", counted again on the server), and
 * the same request again, confirmed. A plain form, so it works without
 * JavaScript.
 */
export function BulkConfirm({ confirm, back, noun, pending, formAction, onSubmit }: { confirm: BulkConfirmation["confirm"]; back: string; noun: string; pending: boolean; formAction: (form: FormData) => void; onSubmit: (e: FormEvent<HTMLFormElement>) => void }) {
  const { count, label, all = false } = confirm;
  const name = count === 1 ? noun.replace(/s$/, "") : noun;
  return (
    <form action={formAction} onSubmit={onSubmit} className="mb-4 flex flex-wrap items-center gap-3 rounded-md bg-red-50 px-4 py-3 ring-1 ring-red-200 dark:bg-red-950 dark:ring-red-900" role="group" aria-label={WORDS.group}>
      <input type="hidden" name="action" value={confirm.action} />
      <input type="hidden" name="confirmed" value="yes" />
      <input type="hidden" name="back" value={back} />
      {all ? (
        <>
          <input type="hidden" name="scope" value="all" />
          <input type="hidden" name="count" value={count} />
        </>
      ) : (
        confirm.ids.map((id) => <input key={id} type="hidden" name="ids" value={id} />)
      )}
      <p role="alert" className="text-sm font-medium text-red-800 dark:text-red-200">
        {confirm.changed ? `${WORDS.changed} ` : ""}
        {WORDS.question(label, count, name, all)}
      </p>
      <button type="submit" className="btn-danger" disabled={pending}>
        {pending ? WORDS.working : WORDS.yes(label, count)}
      </button>
      <a href={back} className="btn-secondary">
        {WORDS.cancel}
      </a>
    </form>
  );
}
