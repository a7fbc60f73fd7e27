import { useState } from "react";
import type { InlineField } from "@/lib/resources/inline-edit";
import { EnumOptions } from "./enum-options";

const WORDS = { field: "Field", value: "Value", legend: "Set field…", valueOf: (label: string) => `New ${label.toLowerCase()}`, yes: "Yes", no: "No" };

/** The control for a value of `field`, as the bulk form posts it. */
function ValueControl({ field, name, id }: { field: InlineField; name: string; id?: string }) {
  if (field.type === "boolean") {
    return (
      <select id={id} name={name} className="input w-auto" defaultValue="true">
        <option value="true">{WORDS.yes}</option>
        <option value="false">{WORDS.no}</option>
      </select>
    );
  }
  if (field.type === "enum") {
    return (
      <select id={id} name={name} className="input w-auto" defaultValue={field.required ? field.options?.[0] : ""}>
        <EnumOptions options={field.options} required={field.required} />
      </select>
    );
  }
  return <input id={id} name={name} className="input w-32" inputMode={field.type === "money" ? "decimal" : field.type === "number" ? "numeric" : undefined} />;
}

/**
 * The bulk "Set field…" action's field and value, shown in the bulk form when
 * that action is chosen. The value is checked on the server as the edit form
 * checks it.
 */
export function BulkSetField({ fields }: { fields: InlineField[] }) {
  const [key, setKey] = useState(fields[0]?.key ?? "");
  const field = fields.find((f) => f.key === key) ?? fields[0];
  if (!field) return null;
  return (
    <>
      <label htmlFor="bulk-field" className="text-sm text-zinc-600 dark:text-zinc-400">
        {WORDS.field}
      </label>
      <select id="bulk-field" name="field" className="input w-auto" value={field.key} onChange={(e) => setKey(e.target.value)}>
        {fields.map((f) => (
          <option key={f.key} value={f.key}>
            {f.label}
          </option>
        ))}
      </select>
      <label htmlFor="bulk-value" className="text-sm text-zinc-600 dark:text-zinc-400">
        {WORDS.value}
      </label>
      {/* A new control per field, so that a value typed for one is not sent for another. */}
      <span key={field.key} className="contents">
        <ValueControl field={field} name="value" id="bulk-value" />
      </span>
    </>
  );
}

/**
 * "Set field…" without JavaScript: the field and a value control for each
 * field, all posted with the form; the server reads `value:<field>` for the
 * chosen field and checks it as the edit form would.
 */
export function NoScriptSetField({ fields }: { fields: InlineField[] }) {
  return (
    <noscript>
      <fieldset className="bulk-set">
        <legend>{WORDS.legend}</legend>
        <label>
          {WORDS.field}{" "}
          <select name="field" className="input w-auto">
            {fields.map((f) => (
              <option key={f.key} value={f.key}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        {fields.map((f) => (
          <label key={f.key}>
            {WORDS.valueOf(f.label)} <ValueControl field={f} name={`value:${f.key}`} />
          </label>
        ))}
      </fieldset>
    </noscript>
  );
}
