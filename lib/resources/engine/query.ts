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
 * read in sort order instead; see listRows). `restrict` is the reader's row
 * scope (scope.ts ownerScope), ANDed with everything else.
 */
export function buildWhere(resource: Resource, query: Pick<ListQuery, "q" | "filters">, search: SearchMode = "scan", unindexed: ReadonlySet<string> = new Set(), restrict?: SQL): SQL | undefined {
  const parts: (SQL | undefined)[] = [resource.scope?.(), restrict];
  if (query.q && resource.search?.length) {
    parts.push(
      search === "index" && resource.searchIndex
        ? fullTextMatch(fullTextTarget(resource), query.q)
        : or(...resource.search.map((key) => containsInsensitive(resource.fieldMap.get(key)!.column!, query.q))),
    );
  }
  for (const f of query.filters) {
    const def = resource.fieldMap.get(f.def.field)!;
    if (def.many && f.kind === "reference") {
      // Rows linked to the value through the join table (a role's users).
      const { through, left, right } = def.many;
      // An integer key takes only what fits one (PostgreSQL refuses the comparison otherwise): anything else matches nothing.
      const integer = right.dataType === "number";
      const fits = typeof f.value === "number" && Number.isSafeInteger(f.value) && f.value <= 2_147_483_647;
      parts.push(integer && !fits ? sql`1 = 0` : sql`${resource.id} in (select ${left} from ${through} where ${right} = ${sql.param(integer ? f.value : String(f.value), right)})`);
      continue;
    }
    const field = def.column!;
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
