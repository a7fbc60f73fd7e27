"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { IDLE, type ActionState } from "@/lib/actions/state";
import type { FormFieldSpec } from "@/lib/resources/form-spec";
import { LABEL_SUFFIX } from "@/lib/resources/reference-input";
import { FieldControl } from "./field-control";
import { FormAlert } from "../form-alert";
import { VERSION_FIELD } from "@/lib/resources/version-field";

type Values = Record<string, string | string[]>;

/** The first field with an error, in the form's order: it gets focus after a failed submit. */
function firstInvalid(fields: FormFieldSpec[], errors: Record<string, string>): string | undefined {
  return fields.find((f) => errors[f.key])?.key;
}

/** Its words: the `record.form` messages, and its controls' `record.matrix` and `picker` (ClientMessages in the page). */
export function RecordForm({
  action,
  fields,
  initial,
  cancelHref,
  version,
  addAnother,
  continueEditing,
  deleteHref,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  fields: FormFieldSpec[];
  initial: Values;
  cancelHref: string;
  /** Edit forms: the record's version when the form was read. */
  version?: string;
  /** Offer "Save and add another" (the user may create). */
  addAnother?: boolean;
  /** Offer "Save and continue editing" (the user may update what they save). */
  continueEditing?: boolean;
  /** Edit forms: where the record's delete confirmation is, when the user may delete it. */
  deleteHref?: string;
}) {
  const t = useTranslations("record.form");
  const [state, formAction, pending] = useActionState(action, IDLE);
  const values = state.values ?? initial;
  const errors = state.fieldErrors ?? {};
  const focusKey = state.ok ? undefined : firstInvalid(fields, errors);
  const formRef = useRef<HTMLFormElement>(null);
  // After a failed submit: focus on the first field with an error, else on the summary (autoFocus covers no-JS page loads).
  useEffect(() => {
    const form = formRef.current;
    if (state.ok || !form) return;
    const target = focusKey ? form.querySelector<HTMLElement>(`[id="${focusKey}"], [name="${focusKey}"]:not([type="hidden"])`) : form.querySelector<HTMLElement>('[role="alert"]');
    if (target && !focusKey) target.tabIndex = -1;
    target?.focus();
  }, [state, focusKey]);
  return (
    // The key remounts the fields after a failed submit so they show what was typed.
    <form ref={formRef} action={formAction} className="card space-y-6 p-6" noValidate key={JSON.stringify(state.values ?? null)}>
      <FormAlert message={state.ok ? null : state.message} />
      {version ? <input type="hidden" name={VERSION_FIELD} value={String(state.values?.[VERSION_FIELD] ?? version)} /> : null}
      {fields.map((field) => (
        <div key={field.key}>
          {field.type === "boolean" ? (
            <div className="flex items-start gap-3">
              <FieldControl field={field} value={values[field.key]} typed={typedOf(values, field.key)} error={errors[field.key]} autoFocus={field.key === focusKey} />
              <label htmlFor={field.key} className="label mt-1.5">
                {field.label}
              </label>
            </div>
          ) : field.type === "many" || field.type === "permissions" || field.type === "reference" ? (
            <>
              <span className="label" id={`${field.key}-label`}>
                {field.label}
              </span>
              <FieldControl field={field} value={values[field.key]} typed={typedOf(values, field.key)} error={errors[field.key]} autoFocus={field.key === focusKey} />
            </>
          ) : (
            <>
              <label htmlFor={field.key} className="label">
                {field.label}
                {field.required ? <span aria-hidden="true" className="text-red-600"> *</span> : null}
              </label>
              <FieldControl field={field} value={values[field.key]} typed={typedOf(values, field.key)} error={errors[field.key]} autoFocus={field.key === focusKey} />
            </>
          )}
          {field.help || field.note ? (
            <p id={`${field.key}-help`} className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
              {[field.note, field.help].filter(Boolean).join(" ")}
            </p>
          ) : null}
          {errors[field.key] ? (
            <p id={`${field.key}-error`} className="mt-1 text-sm text-red-600 dark:text-red-400">
              {errors[field.key]}
            </p>
          ) : null}
        </div>
      ))}
      <div className="form-actions">
        <button type="submit" name="_save" value="1" className="btn-primary" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </button>
        {addAnother ? (
          <button type="submit" name="_addanother" value="1" className="btn-secondary" disabled={pending}>
            {t("addAnother")}
          </button>
        ) : null}
        {continueEditing ? (
          <button type="submit" name="_continue" value="1" className="btn-secondary" disabled={pending}>
            {t("continue")}
          </button>
        ) : null}
        <Link href={cancelHref} className="btn-secondary">
          {t("cancel")}
        </Link>
        {deleteHref ? (
          <a href={deleteHref} className="btn-danger form-actions-delete">
            {t("delete")}
          </a>
        ) : null}
      </div>
    </form>
  );
}

function typedOf(values: Values, key: string): string | undefined {
  const v = values[key + LABEL_SUFFIX];
  return typeof v === "string" ? v : undefined;
}
