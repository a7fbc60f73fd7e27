"use client";

import { useTranslations } from "next-intl";
import type { FormFieldSpec } from "@/lib/resources/form-spec";
import { PermissionMatrix } from "./permission-matrix";
import { ReferencePicker } from "./reference-picker";

/** One field's control, by type; `autoFocus` on the first field with an error (also without JavaScript). */
export function FieldControl({ field, value, typed, error, autoFocus }: { field: FormFieldSpec; value: string | string[] | undefined; typed?: string; error?: string; autoFocus?: boolean }) {
  const t = useTranslations("record.form");
  const text = Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
  const list = Array.isArray(value) ? value : value ? [value] : [];
  const describedBy = [error ? `${field.key}-error` : null, field.help || field.note ? `${field.key}-help` : null].filter(Boolean).join(" ") || undefined;
  const lockedChoice = (value: string) => !!field.lockedChoices?.includes(value);
  // readOnly, not disabled: a disabled field is not submitted, and the server would read it as emptied.
  const common = { id: field.key, name: field.key, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy, readOnly: field.readOnly, autoFocus };
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
          <option value="">{t("choose")}</option>
          {field.options?.map((o) => (
            <option key={o} value={o}>
              {field.optionLabels?.[o] ?? o}
            </option>
          ))}
        </select>
      );
    case "money":
      return <input {...common} type="text" inputMode="decimal" defaultValue={text} placeholder={t("moneyPlaceholder")} className="input mt-1 max-w-48" />;
    case "number":
      return <input {...common} type="number" step={1} defaultValue={text} className="input mt-1 max-w-48" />;
    case "datetime":
      return <input {...common} type="datetime-local" defaultValue={text} className="input mt-1 max-w-64" />;
    case "password":
      return <input {...common} type="password" autoComplete="new-password" className="input mt-1" />;
    case "email":
      return <input {...common} type="email" autoComplete="off" defaultValue={text} className="input mt-1" />;
    case "reference":
      // No lookup: the editor may not view the referenced resource; they see its label (theirs, or a neutral text), never its id, and keep it.
      if (!field.lookup)
        return (
          <>
            <input id={field.key} type="text" readOnly translate="no" value={text ? (field.currentLabel ?? "") : ""} aria-labelledby={`${field.key}-label`} aria-describedby={describedBy} aria-invalid={common["aria-invalid"]} autoFocus={autoFocus} className="input mt-1 max-w-96" />
            <input type="hidden" name={field.key} value={text} />
          </>
        );
      return <ReferencePicker name={field.key} label={field.label} lookup={field.lookup} initialId={text || undefined} initialLabel={field.currentLabel} typed={typed} hint={field.lookupHint} invalid={!!error} describedBy={describedBy} autoFocus={autoFocus} />;
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
                <span translate="no">{c.label}</span>
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
