import { useTranslations } from "next-intl";

/**
 * A choice field's options, with the empty choice ("—") first when the field
 * may be left empty. Each reads as `labels` names it (the localized field's
 * optionLabels, lib/resources/localize.ts); its value stays the stored one.
 */
export function EnumOptions({ options = [], labels, required }: { options?: readonly string[]; labels?: Readonly<Record<string, string>>; required?: boolean }) {
  const t = useTranslations("values");
  return (
    <>
      {required ? null : <option value="">{t("empty")}</option>}
      {options.map((o) => (
        <option key={o} value={o}>
          {labels?.[o] ?? o}
        </option>
      ))}
    </>
  );
}
