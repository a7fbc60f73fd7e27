import { useTranslations } from "next-intl";

/** A choice field's options, with the empty choice ("—") first when the field may be left empty. */
export function EnumOptions({ options = [], required }: { options?: readonly string[]; required?: boolean }) {
  const t = useTranslations("values");
  return (
    <>
      {required ? null : <option value="">{t("empty")}</option>}
      {options.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </>
  );
}
