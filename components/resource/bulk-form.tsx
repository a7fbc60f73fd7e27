"use client";

import { startTransition, useActionState, useEffect, useRef, useState, useSyncExternalStore, type FormEvent, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/actions/state";
import type { BulkConfirmation } from "@/lib/resources/bulk-actions";
import { BULK_SET, type InlineField } from "@/lib/resources/inline-edit";
import { FormAlert } from "../form-alert";
import { BulkConfirm } from "./bulk-confirm";
import { BulkSetField } from "./bulk-set-field";

/** The resource's nouns as they read inside a sentence ("item", "items" in English). */
export interface BulkNouns {
  singular: string;
  label: string;
}

const nothing = () => () => {};

type Action = (state: ActionState<BulkConfirmation>, form: FormData) => Promise<ActionState<BulkConfirmation>>;

/**
 * Wraps the list table: rows carry checkboxes named `ids`; the chosen action
 * runs on the server, and a destructive one first comes back asking to confirm
 * with the number of rows it will touch. After the page's rows are all
 * ticked, it offers every row of the list (`total`, the list's query), as
 * Django does; without JavaScript an "Apply to" choice does the same. The
 * form is submitted without React's reset, so a refusal keeps the ticked
 * rows and the chosen action, and its message takes the place of `notice`
 * (the last success).
 */
export function BulkForm({ action, actions, setFields = [], noScriptSetField, back, nouns, total, notice, children }: { action: Action; actions: { name: string; label: string }[]; setFields?: InlineField[]; /** "Set field…" for a browser without JavaScript (NoScriptSetField, drawn on the server). */ noScriptSetField?: ReactNode; back: string; nouns: BulkNouns; /** Rows of the list's query, "10,000+"-style (in the locale) when capped, and the no-JavaScript choice of them all ("All 10,000+ matching items"), worded on the server: a message with arguments costs a compile per request in a client component's server render. */ total: { count: number; text: string; allMatching: string }; notice?: ReactNode; children: ReactNode }) {
  const t = useTranslations("bulk");
  const [state, formAction, pending] = useActionState<ActionState<BulkConfirmation>, FormData>(action, { ok: true });
  const [chosen, setChosen] = useState(() => String(state.values?.action ?? ""));
  const [pageAll, setPageAll] = useState(0);
  const [all, setAll] = useState(false);
  // The state that was on screen when the form was last sent: a redirect leaves it in place, and it must not hide the new notice.
  const [seen, setSeen] = useState<ActionState<BulkConfirmation> | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // False in the server's HTML (where the "Apply to" choice is sent instead), true once this runs.
  const scripted = useSyncExternalStore(nothing, () => true, () => false);
  const live = pending || state !== seen;
  const confirm = live ? state.data?.confirm : undefined;
  const error = live && !state.ok ? state.message : null;
  const boxes = () => [...(formRef.current?.querySelectorAll<HTMLInputElement>('input[name="ids"]') ?? [])];
  const selectAll = () => formRef.current?.querySelector<HTMLInputElement>("input[data-select-all]");

  const onChange = (e: FormEvent<HTMLFormElement>) => {
    const target = e.target as HTMLInputElement;
    if (target.dataset.selectAll !== undefined) boxes().forEach((box) => (box.checked = target.checked));
    else if (target.name !== "ids") return;
    const rows = boxes();
    const every = rows.length > 0 && rows.every((box) => box.checked);
    const select = selectAll();
    if (select) select.checked = every;
    setPageAll(every ? rows.length : 0);
    if (!every) setAll(false);
  };
  const clear = () => {
    boxes().forEach((box) => (box.checked = false));
    const select = selectAll();
    if (select) select.checked = false;
    setPageAll(0);
    setAll(false);
  };
  // Sent, and no new state came back: the action went back to the list (done), and its selection is over.
  const [wasPending, setWasPending] = useState(false);
  const [cleared, setCleared] = useState(0);
  if (pending !== wasPending) {
    setWasPending(pending);
    if (!pending && state === seen) {
      setPageAll(0);
      setAll(false);
      setChosen("");
      setCleared((n) => n + 1);
    }
  }
  useEffect(() => {
    if (cleared) formRef.current?.querySelectorAll<HTMLInputElement>('input[name="ids"], input[data-select-all]').forEach((box) => (box.checked = false));
  }, [cleared]);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    // Sent by hand: React resets a form after its action, which would drop the ticked rows.
    e.preventDefault();
    const form = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
    setSeen(state);
    startTransition(() => formAction(form));
  };
  return (
    <>
      {confirm ? <BulkConfirm confirm={confirm} back={back} nouns={nouns} pending={pending} onSubmit={submit} formAction={formAction} /> : null}
      <form action={formAction} ref={formRef} onChange={onChange} onSubmit={submit}>
        <input type="hidden" name="back" value={back} />
        {actions.length ? (
          <div className="bulk-bar">
            <label htmlFor="bulk-action" className="text-sm text-zinc-600 dark:text-zinc-400">
              {t("withSelected")}
            </label>
            <select id="bulk-action" name="action" className="input w-auto" value={chosen} onChange={(e) => setChosen(e.target.value)}>
              <option value="">{t("choose")}</option>
              {actions.map((a) => (
                <option key={a.name} value={a.name}>
                  {a.label}
                </option>
              ))}
            </select>
            {chosen === BULK_SET ? <BulkSetField fields={setFields} /> : null}
            <button type="submit" className="btn-secondary" disabled={pending}>
              {t("apply")}
            </button>
            {noScriptSetField}
            <noscript>
              <fieldset className="bulk-scope">
                <legend>{t("applyTo")}</legend>
                <label>
                  <input type="radio" name="scope" value="selected" defaultChecked={state.values?.scope !== "all"} /> {t("selectedRows")}
                </label>
                <label>
                  <input type="radio" name="scope" value="all" defaultChecked={state.values?.scope === "all"} /> {total.allMatching}
                </label>
              </fieldset>
            </noscript>
            {scripted ? <input type="hidden" name="scope" value={all ? "all" : "selected"} /> : null}
          </div>
        ) : null}
        {pageAll > 0 && total.count > pageAll ? (
          <p className="bulk-all" aria-live="polite">
            {all ? t("allSelected", { total: total.text, label: nouns.label }) : t("pageSelected", { count: pageAll, label: nouns.label })}{" "}
            <button type="button" onClick={() => (all ? clear() : setAll(true))}>
              {all ? t("clear") : t("selectAll", { total: total.text, label: nouns.label })}
            </button>
          </p>
        ) : null}
        {error ? <FormAlert message={error} variant="inline" className="mb-3" /> : (notice ?? <FormAlert message={null} />)}
        {children}
      </form>
    </>
  );
}
