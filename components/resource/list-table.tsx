import Link from "next/link";
import { listHref, type ListQuery } from "@/lib/resources/engine/params";
import type { Row } from "@/lib/resources/engine/queries";
import type { Resource } from "@/lib/resources/types";
import { FieldValue } from "./value";

function rowLabel(row: Row, key: string): string {
  const v = row.values[key];
  return v instanceof Date ? v.toISOString() : String(v ?? row.id);
}

export function ListTable({ resource, query, rows, selectable }: { resource: Resource; query: ListQuery; rows: Row[]; selectable: boolean }) {
  const base = `/admin/${resource.name}`;
  const columns = resource.fields.filter((f) => f.list);
  return (
    <div className="card overflow-x-auto">
      <table className="min-w-full divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
        <caption className="sr-only">{resource.label}</caption>
        <thead className="bg-zinc-50 dark:bg-zinc-900">
          <tr>
            {selectable ? (
              <th scope="col" className="w-10 px-3 py-2">
                <input type="checkbox" data-select-all aria-label="Select all rows on this page" className="size-4" />
              </th>
            ) : null}
            {columns.map((f) => {
              const active = query.sort.key === f.key;
              const ariaSort = active ? (query.sort.desc ? "descending" : "ascending") : undefined;
              return (
                <th key={f.key} scope="col" aria-sort={ariaSort} className="px-3 py-2 text-left font-medium whitespace-nowrap text-zinc-600 dark:text-zinc-300">
                  {f.sortable ? (
                    <Link href={listHref(base, query, { sort: { key: f.key, desc: active ? !query.sort.desc : false }, page: 1 })} className="inline-flex items-center gap-1 hover:text-zinc-900 dark:hover:text-white">
                      {f.label}
                      <span aria-hidden="true" className="text-xs">
                        {active ? (query.sort.desc ? "▼" : "▲") : "↕"}
                      </span>
                      <span className="sr-only">{active ? (query.sort.desc ? "(sorted descending)" : "(sorted ascending)") : "(sort)"}</span>
                    </Link>
                  ) : (
                    f.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {rows.map((row) => {
            const href = `${base}/${encodeURIComponent(String(row.id))}`;
            return (
              <tr key={String(row.id)} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
                {selectable ? (
                  <td className="px-3 py-2">
                    <input type="checkbox" name="ids" value={String(row.id)} aria-label={`Select ${rowLabel(row, columns[0]!.key)}`} className="size-4" />
                  </td>
                ) : null}
                {columns.map((f, i) => (
                  <td key={f.key} className="max-w-xs truncate px-3 py-2">
                    {i === 0 ? (
                      <Link href={href} className="link">
                        {row.values[f.key] === null || row.values[f.key] === undefined ? String(row.id) : <FieldValue field={f} value={row.values[f.key]} refValue={row.refs[f.key]} linkRefs={false} />}
                      </Link>
                    ) : (
                      <FieldValue field={f} value={row.values[f.key]} refValue={row.refs[f.key]} />
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
