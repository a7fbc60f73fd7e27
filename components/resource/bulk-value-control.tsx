import type { InlineField } from "@/lib/resources/inline-edit";
import { EnumOptions } from "./enum-options";
import type { ValueWords } from "./value";

/**
 * The control for a value of `field`, as the bulk form posts it. Drawn by the
 * browser's form (BulkSetField) and by the server's (NoScriptSetField), each
 * with the words it has already read.
 */
export function ValueControl({ field, name, id, words }: { field: InlineField; name: string; id?: string; words: Pick<ValueWords, "yes" | "no" | "empty"> }) {
  if (field.type === "boolean") {
    return (
      <select id={id} name={name} className="input w-auto" defaultValue="true">
        <option value="true">{words.yes}</option>
        <option value="false">{words.no}</option>
      </select>
    );
  }
  if (field.type === "enum") {
    return (
      <select id={id} name={name} className="input w-auto" defaultValue={field.required ? field.options?.[0] : ""}>
        <EnumOptions options={field.options} labels={field.optionLabels} required={field.required} empty={words.empty} />
      </select>
    );
  }
  return <input id={id} name={name} className="input w-32" inputMode={field.type === "money" ? "decimal" : field.type === "number" ? "numeric" : undefined} />;
}
