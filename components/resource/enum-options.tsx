/** A choice field's options, with "—" first when the field may be left empty. */
export function EnumOptions({ options = [], required }: { options?: readonly string[]; required?: boolean }) {
  return (
    <>
      {required ? null : <option value="">—</option>}
      {options.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </>
  );
}
