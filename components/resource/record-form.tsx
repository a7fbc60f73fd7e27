"use client";

import Link from "next/link";
import { useActionState } from "react";
import { IDLE, type ActionState } from "@/lib/actions/state";
import type { FormFieldSpec } from "@/lib/resources/form-spec";
import { PermissionMatrix } from "./permission-matrix";
import { ReferencePicker } from "./reference-picker";
import { FormAlert } from "../form-alert";
import { VERSION_FIELD } from "@/lib/resources/version-field";

type Values = Record<string, string | string[]>;

function FieldControl({ field, value, error }: { field: FormFieldSpec; value: string | string[] | undefined; error?: string }) {
  const text = Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
  const list = Array.isArray(value) ? value : value ? [value] : [];
  const describedBy = [error ? `${field.key}-error` : null, field.help || field.note ? `${field.key}-help` : null].filter(Boolean).join(" ") || undefined;
  const lockedChoice = (value: string) => !!field.lockedChoices?.includes(value);
  // readOnly, not disabled: a disabled field is not submitted, and the server would read it as emptied.
  const common = { id: field.key, name: field.key, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy, readOnly: field.readOnly };
  switch (field.type) {
    case "longtext":
      return <textarea {...common} rows={5} defaultValue={text} className="input mt-1" />;
    case "boolean": {
      const checked = text === "on" || text === "true";
      // A checkbox ignores readOnly: a locked one is disabled, and its value travels in a hidden field.
      if (field.readOnly) {
        return (
          <>
            <input id={field.key} type="checkbox" disabled defaultChecked={checked} aria-describedby={describedBy} className="mt-2 size-4 rounded border-zinc-300" />
            {checked ? <input type="hidden" name={field.key} value="on" /> : null}
          </>
        );
      }
      return <input {...common} type="checkbox" defaultChecked={checked} className="mt-2 size-4 rounded border-zinc-300 text-indigo-600" />;
    }
    case "enum":
      return (
        <select {...common} defaultValue={text} className="input mt-1">
          <option value="">Choose…</option>
          {field.options?.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      );
    case "money":
      return <input {...common} type="text" inputMode="decimal" defaultValue={text} placeholder="0.00" className="input mt-1 max-w-48" />;
    case "number":
      return <input {...common} type="number" step={1} defaultValue={text} className="input mt-1 max-w-48" />;
    case "datetime":
      return <input {...common} type="datetime-local" defaultValue={text} className="input mt-1 max-w-64" />;
    case "password":
      return <input {...common} type="password" autoComplete="new-password" className="input mt-1" />;
    case "email":
      return <input {...common} type="email" autoComplete="off" defaultValue={text} className="input mt-1" />;
    case "reference":
      // No lookup: the editor may not view the referenced resource, so they see and type its id only.
      if (!field.lookup) return <input {...common} type="text" defaultValue={text} aria-labelledby={`${field.key}-label`} className="input mt-1 max-w-64" />;
      return <ReferencePicker name={field.key} label={field.label} lookup={field.lookup!} initialId={text || undefined} initialLabel={field.currentLabel} invalid={!!error} describedBy={describedBy} />;
    case "many":
      return (
        <fieldset aria-describedby={describedBy} className="mt-1 flex flex-wrap gap-x-5 gap-y-2">
          <legend className="sr-only">{field.label}</legend>
          {field.choices?.map((c) => {
            const value = String(c.id);
            const locked = field.readOnly || lockedChoice(value);
            return (
              <label key={value} className="inline-flex items-center gap-2 text-sm">
                <input type="checkbox" name={locked ? undefined : field.key} value={value} defaultChecked={list.includes(value)} disabled={locked} className="size-4" />
                {locked && list.includes(value) ? <input type="hidden" name={field.key} value={value} /> : null}
                {c.label}
              </label>
            );
          })}
        </fieldset>
      );
    case "permissions":
      return <PermissionMatrix field={field} list={list} describedBy={describedBy} />;
    default:
      return <input {...common} type="text" defaultValue={text} className="input mt-1" />;
  }
}

export function RecordForm({
  action,
  fields,
  initial,
  submitLabel,
  cancelHref,
  version,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  fields: FormFieldSpec[];
  initial: Values;
  submitLabel: string;
  cancelHref: string;
  /** Edit forms: the record's version when the form was read. */
  version?: string;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const values = state.values ?? initial;
  const errors = state.fieldErrors ?? {};
  return (
    // The key remounts the fields after a failed submit so they show what was typed.
    <form action={formAction} className="card space-y-6 p-6" noValidate key={JSON.stringify(state.values ?? null)}>
      <FormAlert message={state.ok ? null : state.message} />
      {version ? <input type="hidden" name={VERSION_FIELD} value={String(state.values?.[VERSION_FIELD] ?? version)} /> : null}
      {fields.map((field) => (
        <div key={field.key}>
          {field.type === "boolean" ? (
            <div className="flex items-start gap-3">
              <FieldControl field={field} value={values[field.key]} error={errors[field.key]} />
              <label htmlFor={field.key} className="label mt-1.5">
                {field.label}
              </label>
            </div>
          ) : field.type === "many" || field.type === "permissions" || field.type === "reference" ? (
            <>
              <span className="label" id={`${field.key}-label`}>
                {field.label}
              </span>
              <FieldControl field={field} value={values[field.key]} error={errors[field.key]} />
            </>
          ) : (
            <>
              <label htmlFor={field.key} className="label">
                {field.label}
                {field.required ? <span aria-hidden="true" className="text-red-600"> *</span> : null}
              </label>
              <FieldControl field={field} value={values[field.key]} error={errors[field.key]} />
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
      <div className="flex gap-3">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </button>
        <Link href={cancelHref} className="btn-secondary">
          Cancel
        </Link>
      </div>
    </form>
  );
}
