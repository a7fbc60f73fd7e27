import { and, asc, desc, eq, gte, inArray, lte, or, sql, type SQL } from "drizzle-orm";
import { containsInsensitive, fullTextMatch, withoutIndex, type FullTextTarget } from "../../db/dialect";
import type { Resource } from "../types";
import type { ListQuery } from "./params";

/**
 * WHERE and ORDER BY for a list query. Columns come only from the resource
 * definition (a whitelist); user text reaches SQL only as bound parameters.
 */

/** How `q` is matched: a substring scan of the search columns, or the resource's full-text index. */
export type SearchMode = "scan" | "index";

/**
 * `unindexed` names filter fields whose index must not be used (the list is
 * read in sort order instead; see listRows).
 */
export function buildWhere(resource: Resource, query: Pick<ListQuery, "q" | "filters">, search: SearchMode = "scan", unindexed: ReadonlySet<string> = new Set()): SQL | undefined {
  const parts: (SQL | undefined)[] = [resource.scope?.()];
  if (query.q && resource.search?.length) {
    parts.push(
      search === "index" && resource.searchIndex
        ? fullTextMatch(fullTextTarget(resource), query.q)
        : or(...resource.search.map((key) => containsInsensitive(resource.fieldMap.get(key)!.column!, query.q))),
    );
  }
  for (const f of query.filters) {
    const field = resource.fieldMap.get(f.def.field)!.column!;
    const hidden = unindexed.has(f.def.field);
    const column: SQL = hidden ? withoutIndex(field) : sql`${field}`;
    // Values are bound through the column's own mapping (booleans, dates) either way.
    const v = (value: unknown) => sql.param(value, field);
    switch (f.kind) {
      case "enum":
        parts.push(f.values.length === 1 ? eq(column, v(f.values[0])) : inArray(column, f.values.map(v)));
        break;
      case "boolean":
      case "reference":
        parts.push(eq(column, v(f.value)));
        break;
      case "range":
        if (f.min !== undefined) parts.push(gte(column, v(f.min)));
        if (f.max !== undefined) parts.push(lte(column, v(f.max)));
        break;
      case "date-range":
        if (f.from) parts.push(gte(column, v(f.from)));
        if (f.to) parts.push(lte(column, v(f.to)));
        break;
    }
  }
  const present = parts.filter((p): p is SQL => p !== undefined);
  return present.length ? and(...present) : undefined;
}

/** The resource's full-text index and the columns it covers (its `search` fields). */
export function fullTextTarget(resource: Resource): FullTextTarget & { table: Resource["table"] } {
  return { searchIndex: resource.searchIndex ?? "", id: resource.id, table: resource.table, columns: (resource.search ?? []).map((key) => resource.fieldMap.get(key)!.column!) };
}

/** The requested order with the primary key as a stable tie-break. */
export function buildOrderBy(resource: Resource, sort: ListQuery["sort"]): SQL[] {
  const column = resource.fieldMap.get(sort.key)?.column;
  const dir = sort.desc ? desc : asc;
  return column && column !== resource.id ? [dir(column), dir(resource.id)] : [dir(resource.id)];
}

/** Keyset condition: rows after the cursor in the list's order (sort column, then id). */
export function buildAfter(resource: Resource, query: Pick<ListQuery, "sort" | "after">): SQL | undefined {
  const column = resource.fieldMap.get(query.sort.key)?.column;
  if (!query.after || !column) return undefined;
  const op = sql.raw(query.sort.desc ? "<" : ">");
  // The cursor holds a date as epoch milliseconds; each driver gets it in the column's own form.
  const value = column.dataType === "date" ? new Date(Number(query.after.value)) : query.after.value;
  return sql`(${column}, ${resource.id}) ${op} (${sql.param(value, column)}, ${sql.param(query.after.id, resource.id)})`;
}

/** Keyset condition backwards: rows before the cursor in the list's order, i.e. after it in the reverse order. */
export function buildBefore(resource: Resource, query: Pick<ListQuery, "sort" | "before">): SQL | undefined {
  return buildAfter(resource, { sort: { ...query.sort, desc: !query.sort.desc }, after: query.before });
}
