import { useTranslations } from "next-intl";
import { inSentence } from "@/lib/i18n/noun";
import type { FormFieldSpec } from "@/lib/resources/form-spec";

/**
 * The role form's permissions: per resource and action a checkbox, or, where
 * the resource has an owner, a choice of none / own records / all records;
 * then the extra permissions resources declare. Choices the editor may not
 * grant or revoke are disabled, and a locked current value is carried in a
 * hidden field so that saving keeps it. Its words: the `record.matrix` messages.
 */
export function PermissionMatrix({ field, list, describedBy }: { field: FormFieldSpec; list: string[]; describedBy?: string }) {
  const t = useTranslations("record.matrix");
  const labelCase = useTranslations("values")("labelCase");
  const locked = (value: string) => !!field.lockedChoices?.includes(value);
  const held = new Set(list);
  const rows = field.matrix ?? [];
  const extras = rows.flatMap((row) => row.extras.map((e) => ({ ...e, resource: row.label })));
  const checkbox = (value: string, label: string) => {
    const off = field.readOnly || locked(value);
    return (
      <>
        <input type="checkbox" name={off ? undefined : field.key} value={value} aria-label={label} defaultChecked={field.readOnly || held.has(value)} disabled={off} className="size-4" />
        {off && !field.readOnly && held.has(value) ? <input type="hidden" name={field.key} value={value} /> : null}
      </>
    );
  };
  return (
    <div className="mt-1 space-y-4 overflow-x-auto" aria-describedby={describedBy}>
      <table className="text-sm">
        <caption className="sr-only">{field.label}</caption>
        <thead>
          <tr>
            <th scope="col" className="px-2 py-1 text-start font-medium">
              {t("resource")}
            </th>
            {rows[0]?.cells.map((c) => (
              <th key={c.action} scope="col" className="px-2 py-1 font-medium">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.resource}>
              <th scope="row" className="px-2 py-1 text-start font-normal">
                {row.label}
              </th>
              {row.cells.map((c) => {
                // "View items", as the role details name it (permission-catalog.ts, actionOn).
                const label = t("cell", { action: c.label, resource: inSentence(row.label, labelCase) });
                if (!c.supported) {
                  return (
                    <td key={c.action} className="px-2 py-1 text-center">
                      <span className="text-zinc-400" aria-label={t("notApplicable")}>
                        –
                      </span>
                    </td>
                  );
                }
                if (!c.own) {
                  return (
                    <td key={c.action} className="px-2 py-1 text-center">
                      {checkbox(c.all, label)}
                    </td>
                  );
                }
                const current = field.readOnly || held.has(c.all) ? c.all : held.has(c.own) ? c.own : "";
                const off = field.readOnly || (current !== "" && locked(current));
                return (
                  <td key={c.action} className="px-2 py-1 text-center">
                    <select name={off ? undefined : field.key} aria-label={label} defaultValue={current} disabled={off} className="input py-0.5 text-xs">
                      <option value="">{t("none")}</option>
                      <option value={c.own} disabled={locked(c.own)}>
                        {t("own")}
                      </option>
                      <option value={c.all} disabled={locked(c.all)}>
                        {t("all")}
                      </option>
                    </select>
                    {off && !field.readOnly && current ? <input type="hidden" name={field.key} value={current} /> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {extras.length ? (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">{t("fieldPermissions")}</legend>
          {extras.map((e) => (
            <label key={e.value} className="flex items-center gap-2 text-sm">
              {checkbox(e.value, t("extra", { resource: e.resource, permission: e.label }))}
              <span aria-hidden="true">{t("extra", { resource: e.resource, permission: e.label })}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}
