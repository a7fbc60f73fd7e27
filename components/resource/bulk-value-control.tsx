import { useTranslations } from "next-intl";
import type { InlineField } from "@/lib/resources/inline-edit";
import { EnumOptions } from "./enum-options";

/** The control for a value of `field`, as the bulk form posts it. */
export function ValueControl({ field, name, id }: { field: InlineField; name: string; id?: string }) {
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
