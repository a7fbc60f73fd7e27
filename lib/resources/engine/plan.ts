import { and, count, sql, type Column, type SQL } from "drizzle-orm";
import { getDb } from "../../db";
import { fullTextCount, FULL_TEXT_MIN_LENGTH, indexColumns } from "../../db/dialect";
import { ownerScope, type Viewer } from "../scope";
import type { Resource } from "../types";
import type { ListQuery } from "./params";
import { buildAfter, buildBefore, buildOrderBy, buildWhere, fullTextTarget, type SearchMode } from "./query";
import { COUNT_CAP, selection } from "./rows";
import { sqlFields, sqlTable } from "../../db/query-tables";
import { versionColumn } from "./version";

/** How many rows match `where`, counting no further than `cap` + 1 (more than `cap` means "cap+"). */
export async function boundedCount(resource: Resource, where: SQL | undefined, cap: number = COUNT_CAP): Promise<number> {
  const db = getDb();
  const inner = db.select({ one: sql`1` }).from(sqlTable(resource.table)).where(where).limit(cap + 1).as("bounded");
  const [row] = await db.select({ n: count() }).from(inner);
  return row?.n ?? 0;
}

/**
 * Search: a term at least three characters long is first counted in the
 * full-text index (which stops at COUNT_CAP). A rare term is then matched
 * through the index, so finding nothing costs nothing; a common one by
 * scanning rows in the list's order, which finds a page of matches within a
 * few hundred rows, where going through the index would first collect every
 * match.
 */
const DENSE_MATCHES = 2_000;

export async function searchPlan(resource: Resource, query: ListQuery, restricted: boolean): Promise<{ mode: SearchMode; total?: number }> {
  if (!query.q || !resource.searchIndex || [...query.q].length < FULL_TEXT_MIN_LENGTH) return { mode: "scan" };
  const matches = await fullTextCount(fullTextTarget(resource), query.q, COUNT_CAP + 1);
  const alone = query.filters.length === 0 && !resource.scope?.() && !restricted;
  return { mode: matches > DENSE_MATCHES ? "scan" : "index", total: alone ? matches : undefined };
}

/**
 * Up to this many matches, the planner may collect them through a filter's
 * index and sort them (cheap, and right for a rare value); beyond it, the page
 * is read in sort order through the sort column's index, filtering as it
 * goes, and stops after one page.
 */
const SORT_IN_MEMORY = 2_000;

const orderedPairs = new WeakMap<Resource, Set<string>>();

/** "a>b" for each index that reads column a's equal values in b's order (b may be the integer id, which ends every index). */
function indexPairs(resource: Resource): Set<string> {
  let pairs = orderedPairs.get(resource);
  if (pairs) return pairs;
  pairs = new Set();
  for (const [a, b] of indexColumns(resource.table)) {
    if (a && b) pairs.add(`${a}>${b}`);
    if (a && !b && resource.idType === "int") pairs.add(`${a}>${resource.id.name}`);
  }
  orderedPairs.set(resource, pairs);
  return pairs;
}

/** Filters whose index would have the planner collect and sort every match, because it cannot yield rows in `sort` order. */
function unorderedFilters(resource: Resource, query: ListQuery, sortColumn: Column): Set<string> {
  const out = new Set<string>();
  for (const f of query.filters) {
    const column = resource.fieldMap.get(f.def.field)!.column;
    // A many filter is a subquery on its join table, with no index of this table to keep out.
    if (!column || column === sortColumn) continue;
    const equality = (f.kind === "enum" && f.values.length === 1) || f.kind === "boolean" || f.kind === "reference";
    if (equality && indexPairs(resource).has(`${column.name}>${sortColumn.name}`)) continue;
    out.add(f.def.field);
  }
  return out;
}

/**
 * The WHERE of a list query (search, filters, the resource's scope and
 * `restrict`), matching as the list page matches: the same search plan, so
 * that "every row of this list" is the rows the list counts.
 */
export async function listWhere(resource: Resource, query: ListQuery, restrict: SQL | undefined) {
  const plan = await searchPlan(resource, query, !!restrict);
  return { plan, where: buildWhere(resource, query, plan.mode, undefined, restrict) };
}

/**
 * A list page's counts and its rows query, not yet run: what listRows runs,
 * and what the query-plan test explains. Only rows `viewer` may view are
 * counted, searched, filtered, sorted and paged (see scope.ts).
 */
export async function planList(resource: Resource, query: ListQuery, viewer?: Viewer | null) {
  const owned = ownerScope(resource, viewer, "view");
  const { plan, where } = await listWhere(resource, query, owned);
  const total = plan.total ?? (await boundedCount(resource, where));
  const totalCapped = total > COUNT_CAP;
  const pageCount = Math.max(1, Math.ceil(Math.min(total, COUNT_CAP) / query.per));
  // Past the last page of an exact total, show the last page instead of nothing.
  const page = totalCapped ? query.page : Math.min(query.page, pageCount);
  const fields = resource.fields.filter((f) => f.list);
  const sortColumn = resource.fieldMap.get(query.sort.key)?.column;
  const byCursor = !!(query.after || query.before);
  // Backwards, the page is read in reverse order from the cursor (listRows turns it round).
  const order = query.before ? { ...query.sort, desc: !query.sort.desc } : query.sort;
  const orderBy = sortColumn ?? resource.id;
  const pageWhere = total > SORT_IN_MEMORY ? buildWhere(resource, query, plan.mode, unorderedFilters(resource, query, orderBy), owned) : where;
  // Inline edits are checked against the version the list was read at.
  const versioned = resource.fields.some((f) => f.inlineEdit) ? versionColumn(resource) : undefined;
  const select = getDb()
    .select(sqlFields({ ...selection(resource, fields), __sort: orderBy, ...(versioned ? { __version: versioned } : {}) }))
    .from(sqlTable(resource.table))
    .where(byCursor ? and(pageWhere, query.before ? buildBefore(resource, query) : buildAfter(resource, query)) : pageWhere)
    .orderBy(...buildOrderBy(resource, order))
    .limit(query.per)
    .offset(byCursor ? 0 : (page - 1) * query.per);
  return { select, total, totalCapped, pageCount, page, byCursor, fields, sortColumn };
}

