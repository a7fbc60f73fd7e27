import { useState } from "react";
import { useTranslations } from "next-intl";
import type { InlineField } from "@/lib/resources/inline-edit";
import { EnumOptions } from "./enum-options";
import { sentenceCase } from "@/lib/i18n/noun";

/** The control for a value of `field`, as the bulk form posts it. */
function ValueControl({ field, name, id }: { field: InlineField; name: string; id?: string }) {
  const t = useTranslations("values");
  if (field.type === "boolean") {
    return (
      <select id={id} name={name} className="input w-auto" defaultValue="true">
        <option value="true">{t("yes")}</option>
        <option value="false">{t("no")}</option>
      </select>
    );
  }
  if (field.type === "enum") {
    return (
      <select id={id} name={name} className="input w-auto" defaultValue={field.required ? field.options?.[0] : ""}>
        <EnumOptions options={field.options} labels={field.optionLabels} required={field.required} />
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
  const t = useTranslations("bulk.set");
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
  const t = useTranslations("bulk.set");
  const inText = sentenceCase(useTranslations("values")("labelCase"));
  return (
    <noscript>
      <fieldset className="bulk-set">
        <legend>{t("legend")}</legend>
        <label>
          {t("field")}{" "}
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
            {t("valueOf", { label: inText(f.label) })} <ValueControl field={f} name={`value:${f.key}`} />
          </label>
        ))}
      </fieldset>
    </noscript>
  );
}
