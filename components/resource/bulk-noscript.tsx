import type { InlineField } from "@/lib/resources/inline-edit";
import { getTranslations } from "@/lib/i18n/server";
import { sentenceCase } from "@/lib/i18n/noun";
import { ValueControl } from "./bulk-value-control";
import { valueWords } from "./value";

/**
 * "Set field…" without JavaScript: the field and a value control for each
 * field, all posted with the form; the server reads `value:<field>` for the
 * chosen field and checks it as the edit form would. Rendered on the server
 * and handed to BulkForm: the browser never draws it.
 */
export async function NoScriptSetField({ fields }: { fields: InlineField[] }) {
  const [t, values, words] = await Promise.all([getTranslations("bulk.set"), getTranslations("values"), valueWords()]);
  const inText = sentenceCase(values("labelCase"));
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
            {t("valueOf", { label: inText(f.label) })} <ValueControl field={f} name={`value:${f.key}`} words={words} />
          </label>
        ))}
      </fieldset>
    </noscript>
  );
}
