import { useState } from "react";
import type { InlineField } from "@/lib/resources/inline-edit";
import { EnumOptions } from "./enum-options";

/**
 * The bulk "Set field…" action's field and value, shown in the bulk form when
 * that action is chosen. The value is checked on the server as the edit form
 * checks it.
 */
export function BulkSetField({ fields }: { fields: InlineField[] }) {
  const [key, setKey] = useState(fields[0]?.key ?? "");
  const field = fields.find((f) => f.key === key) ?? fields[0];
  if (!field) return null;
  let value: React.ReactNode;
  if (field.type === "boolean") {
    value = (
      <select id="bulk-value" name="value" className="input w-auto" defaultValue="true">
        <option value="true">Yes</option>
        <option value="false">No</option>
      </select>
    );
  } else if (field.type === "enum") {
    value = (
      <select id="bulk-value" name="value" className="input w-auto" defaultValue={field.required ? field.options?.[0] : ""}>
        <EnumOptions options={field.options} required={field.required} />
      </select>
    );
  } else {
    value = <input id="bulk-value" name="value" className="input w-32" inputMode={field.type === "money" ? "decimal" : field.type === "number" ? "numeric" : undefined} />;
  }
  return (
    <>
      <label htmlFor="bulk-field" className="text-sm text-zinc-600 dark:text-zinc-400">
        Field
      </label>
      <select id="bulk-field" name="field" className="input w-auto" value={field.key} onChange={(e) => setKey(e.target.value)}>
        {fields.map((f) => (
          <option key={f.key} value={f.key}>
            {f.label}
          </option>
        ))}
      </select>
      <label htmlFor="bulk-value" className="text-sm text-zinc-600 dark:text-zinc-400">
        Value
      </label>
      {/* A new control per field, so that a value typed for one is not sent for another. */}
      <span key={field.key} className="contents">
        {value}
      </span>
    </>
  );
}
