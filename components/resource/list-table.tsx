import { listHref, type ListQuery } from "@/lib/resources/engine/params";
import type { Row } from "@/lib/resources/engine/queries";
import type { Resource } from "@/lib/resources/types";
import { formatValue } from "./value";

function rowLabel(row: Row, key: string): string {
  const v = row.values[key];
  return v instanceof Date ? v.toISOString() : String(v ?? row.id);
}

/**
 * The list as plain server markup: no client component per row or cell, plain
 * links (prefetching a page of records buys nothing), and the look from the
 * `data-table` class in globals.css rather than classes on every cell.
 * Selection is handled once, for the whole table, by the surrounding BulkForm.
 */
export function ListTable({ resource, query, rows, selectable }: { resource: Resource; query: ListQuery; rows: Row[]; selectable: boolean }) {
  const base = `/admin/${resource.name}`;
  const columns = resource.fields.filter((f) => f.list);
  return (
    <div className="card overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{resource.label}</caption>
        <thead>
          <tr>
            {selectable ? (
              <th scope="col" className="select">
                <input type="checkbox" data-select-all aria-label="Select all rows on this page" />
              </th>
            ) : null}
            {columns.map((f) => {
              const active = query.sort.key === f.key;
              const ariaSort = active ? (query.sort.desc ? "descending" : "ascending") : undefined;
              return (
                <th key={f.key} scope="col" aria-sort={ariaSort}>
                  {f.sortable ? (
                    <a href={listHref(base, query, { sort: { key: f.key, desc: active ? !query.sort.desc : false }, page: 1 })}>
                      {f.label} <span aria-hidden="true">{active ? (query.sort.desc ? "▼" : "▲") : "↕"}</span> <span className="sr-only">{active ? (query.sort.desc ? "(sorted descending)" : "(sorted ascending)") : "(sort)"}</span>
                    </a>
                  ) : (
                    f.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const id = String(row.id);
            return (
              <tr key={id}>
                {selectable ? (
                  <td>
                    <input type="checkbox" name="ids" value={id} aria-label={`Select ${rowLabel(row, columns[0]!.key)}`} />
                  </td>
                ) : null}
                {columns.map((f, i) => {
                  const value = row.values[f.key];
                  return (
                    <td key={i}>
                      {i === 0 ? <a href={`${base}/${encodeURIComponent(id)}`}>{value === null || value === undefined ? id : formatValue(f, value, row.refs[f.key], false)}</a> : formatValue(f, value, row.refs[f.key])}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
