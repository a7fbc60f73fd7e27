/**
 * A choice field's options, with the empty choice ("—") first when the field
 * may be left empty. Each reads as `labels` names it (the localized field's
 * optionLabels, lib/resources/localize.ts); its value stays the stored one.
 * `empty` is the empty choice's word (values.empty): the caller has its words
 * already, on the server or in the browser, so this stays a plain function.
 */
export function EnumOptions({ options = [], labels, required, empty }: { options?: readonly string[]; labels?: Readonly<Record<string, string>>; required?: boolean; empty: string }) {
  return (
    <>
      {required ? null : <option value="">{empty}</option>}
      {options.map((o) => (
        <option key={o} value={o}>
          {labels?.[o] ?? o}
        </option>
      ))}
    </>
  );
}
