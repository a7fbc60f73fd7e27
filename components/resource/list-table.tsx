import type { ReactNode } from "react";
import { useServerTranslations } from "@/lib/i18n/server";
import type { ActionState } from "@/lib/actions/state";
import { listHref, type ListQuery } from "@/lib/resources/engine/params";
import type { Row } from "@/lib/resources/engine/rows";
import { editText, inlineField, textFromDisplay, type InlineColumn } from "@/lib/resources/inline-edit";
import type { FieldDef, Resource } from "@/lib/resources/types";
import { InlineEdit } from "./inline-edit";
import { formatValue, isDataType, useValueWords, type ValueWords } from "./value";

function rowLabel(row: Row, key: string): string {
  const v = row.values[key];
  return v instanceof Date ? v.toISOString() : String(v ?? row.id);
}

/**
 * The list as plain server markup: no client component per row or cell, plain
 * links (prefetching a page of records buys nothing), and the look from the
 * `data-table` class in globals.css rather than classes on every cell.
 * Selection is handled once, for the whole table, by the surrounding BulkForm,
 * and so is inline editing (given `inlineAction`), by one InlineEdit: a row
 * carries its id and version, and InlineEdit draws the cells' edit buttons.
 */
export function ListTable({ resource, query, rows, selectable, inlineAction, inlineKeys }: { resource: Resource; query: ListQuery; rows: Row[]; selectable: boolean; inlineAction?: (state: ActionState, form: FormData) => Promise<ActionState>; /** The inline fields this user may change. */ inlineKeys?: ReadonlySet<string> }) {
  const base = `/admin/${resource.name}`;
  const columns = resource.fields.filter((f) => f.list);
  // The first column links to the record, so it is never a button itself.
  const editable: InlineColumn[] = inlineAction ? columns.flatMap((f, i) => (f.inlineEdit && (!inlineKeys || inlineKeys.has(f.key)) && i > 0 ? [{ ...inlineField(f), col: i + (selectable ? 1 : 0) }] : [])) : [];
  const editKeys = new Set(editable.map((c) => c.key));
  // Synchronous: the page has read the request's words, and an async component here would cost the render a task of its own.
  const t = useServerTranslations("list.table");
  const words = useValueWords();
  const data = (f: FieldDef, value: unknown) => (isDataType(f.type) && value !== null && value !== undefined && value !== "" ? { translate: "no" as const } : {});
  return (
    <ListFrame columns={editable} titleCol={selectable ? 1 : 0} action={inlineAction}>
      <table className="data-table" data-resource={resource.name}>
        <caption className="sr-only">{resource.label}</caption>
        <thead>
          <tr>
            {selectable ? (
              <th scope="col" className="select">
                <input type="checkbox" data-select-all aria-label={t("selectPage")} />
              </th>
            ) : null}
            {columns.map((f) => {
              const active = query.sort.key === f.key;
              const ariaSort = active ? (query.sort.desc ? "descending" : "ascending") : undefined;
              return (
                <th key={f.key} scope="col" aria-sort={ariaSort}>
                  {f.sortable ? (
                    <a href={listHref(base, query, { sort: { key: f.key, desc: active ? !query.sort.desc : false }, page: 1 })}>
                      {f.label} <span aria-hidden="true">{active ? (query.sort.desc ? "▼" : "▲") : "↕"}</span> <span className="sr-only">{t("sorted", { order: ariaSort ?? "none" })}</span>
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
              <tr key={id} {...(editKeys.size ? { "data-id": id, "data-v": row.version ?? "" } : {})}>
                {selectable ? (
                  <td>
                    <input type="checkbox" name="ids" value={id} aria-label={t("selectRow", { row: rowLabel(row, columns[0]!.key) })} />
                  </td>
                ) : null}
                {columns.map((f, i) => {
                  const value = row.values[f.key];
                  if (editKeys.has(f.key)) return <EditableCell key={i} field={f} value={value} words={words} />;
                  // The first column shows the id when it has no value: data too.
                  return (
                    <td key={i} {...(i === 0 && (value === null || value === undefined) ? { translate: "no" as const } : data(f, value))}>
                      {i === 0 ? <a href={`${base}/${encodeURIComponent(id)}`}>{value === null || value === undefined ? id : formatValue(f, value, words, row.refs[f.key], false)}</a> : formatValue(f, value, words, row.refs[f.key])}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ListFrame>
  );
}

/** InlineEdit's words come from the list page's one client-messages provider (it sits inside BulkForm). */
function ListFrame({ columns, titleCol, action, children }: { columns: InlineColumn[]; titleCol: number; action?: (state: ActionState, form: FormData) => Promise<ActionState>; children: ReactNode }) {
  if (!action || columns.length === 0) return <div className="card overflow-x-auto">{children}</div>;
  return (
    <InlineEdit className="card overflow-x-auto" fields={columns} titleCol={titleCol} action={action}>
      {children}
    </InlineEdit>
  );
}

/**
 * An editable cell: its text as it is elsewhere, and `data-raw` only where the
 * editor could not read the value back from that text. The text is the cell's
 * only child, in an array so that React updates that text node rather than the
 * cell's whole text, which would drop the edit button InlineEdit draws into it
 * (that button, its message and the editor say translate="yes" themselves).
 */
function EditableCell({ field, value, words }: { field: FieldDef; value: unknown; words: ValueWords }) {
  const shown = formatValue(field, value, words);
  const text = editText(field.type, value, words.locale);
  const raw = typeof shown === "string" && textFromDisplay(field.type, shown) === text ? {} : { "data-raw": text };
  const data = isDataType(field.type) && value !== null && value !== undefined && value !== "";
  return (
    <td {...(data ? { translate: "no" as const } : {})} {...raw}>
      {[shown]}
    </td>
  );
}
