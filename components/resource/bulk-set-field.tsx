import { useState } from "react";
import { useTranslations } from "next-intl";
import type { InlineField } from "@/lib/resources/inline-edit";
import { ValueControl } from "./bulk-value-control";

/**
 * The bulk "Set field…" action's field and value, shown in the bulk form when
 * that action is chosen. The value is checked on the server as the edit form
 * checks it.
 */
export function BulkSetField({ fields }: { fields: InlineField[] }) {
  const [key, setKey] = useState(fields[0]?.key ?? "");
  const t = useTranslations("bulk.set");
  const values = useTranslations("values");
  const field = fields.find((f) => f.key === key) ?? fields[0];
  if (!field) return null;
  return (
    <>
      <label htmlFor="bulk-field" className="text-sm text-zinc-600 dark:text-zinc-400">
        {t("field")}
      </label>
      <select id="bulk-field" name="field" className="input w-auto" value={field.key} onChange={(e) => setKey(e.target.value)}>
        {fields.map((f) => (
          <option key={f.key} value={f.key}>
            {f.label}
          </option>
        ))}
      </select>
      <label htmlFor="bulk-value" className="text-sm text-zinc-600 dark:text-zinc-400">
        {t("value")}
      </label>
      {/* A new control per field, so that a value typed for one is not sent for another. */}
      <span key={field.key} className="contents">
        <ValueControl field={field} name="value" id="bulk-value" words={{ yes: values("yes"), no: values("no"), empty: values("empty") }} />
      </span>
    </>
  );
}
