import { and, asc, count, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { getDb } from "../../db";
import { containsInsensitive, fullTextCount, FULL_TEXT_MIN_LENGTH, indexColumns } from "../../db/dialect";
import { fullTextTarget } from "./query";
import { getResource } from "../registry";
import type { FieldDef, Resource } from "../types";
import { mayAct, type Action } from "../../permissions";
import { ownerScope, type Viewer } from "../scope";
import { cleanText, type Cursor, type ListQuery } from "./params";
import { buildAfter, buildBefore, buildOrderBy, buildWhere, type SearchMode } from "./query";
import { versionColumn } from "./version";
import { versionToken } from "./version-token";

/**
 * Reads for the generic pages. Rows are small objects keyed by field key:
 * only declared fields are selected, so columns that no field names (password
 * hashes, security stamps) never leave the server.
 */

/**
 * Counting: a list shows an exact total up to COUNT_CAP rows and "10,000+"
 * beyond, so no page view pays a full count(*) over a huge table; the count is
 * a bounded subquery that stops after COUNT_CAP + 1 matches.
 */
export const COUNT_CAP = 10_000;

export type RowId = string | number;
export interface RefValue {
  id: RowId;
  label: string;
}
export interface Row {
  id: RowId;
  values: Record<string, unknown>;
  refs: Record<string, RefValue | null>;
  /** On lists with inline editing: the version each cell editor saves against (see engine/version.ts). */
  version?: string;
}
export interface ListResult {
  rows: Row[];
  total: number;
  totalCapped: boolean;
  pageCount: number;
  page: number;
  /** Where the next page starts (keyset), when there is one. */
  next?: Cursor;
  /** On a page reached by cursor: where the previous page ends (its first row). */
  prev?: Cursor;
  /** True when this page was reached by cursor, so its page number is unknown. */
  byCursor: boolean;
}

/** A record id from a URL segment; null (a 404) for anything that is not one, malformed escapes included. */
export function parseRouteId(resource: Resource, segment: string): RowId | null {
  try {
    return parseId(resource, decodeURIComponent(segment));
  } catch {
    return null;
  }
}

export function parseId(resource: Resource, raw: string): RowId | null {
  if (resource.idType === "int") return /^[1-9]\d{0,14}$/.test(raw) ? Number(raw) : null;
  return raw.length > 0 && raw.length <= 64 && /^[\w-]+$/.test(raw) ? raw : null;
}

function selection(resource: Resource, fields: FieldDef[]) {
  const shape: Record<string, typeof resource.id> = { __id: resource.id };
  for (const f of fields) if (f.column) shape[f.key] = f.column;
  return shape;
}

function toRow(raw: Record<string, unknown>): Row {
  const { __id, ...values } = raw;
  return { id: __id as RowId, values, refs: {} };
}

/**
 * Who is reading (see scope.ts): the rows they may view, and for reference
 * labels, a title is the referenced resource's data, shown only to whoever may
 * view that row; others see the id. Undefined means a trusted caller (scripts,
 * tests) that sees every row and title.
 */
export type { Viewer };

function mayLabel(viewer: Viewer | null | undefined, target: string): boolean {
  if (viewer === undefined) return true;
  const resource = getResource(target);
  return !!viewer && !!resource && mayAct(viewer.access, resource, "view");
}

/** Fills `refs` with the referenced rows' titles: one query per reference field. */
async function attachReferences(resource: Resource, fields: FieldDef[], rows: Row[], viewer: Viewer | null | undefined): Promise<void> {
  for (const field of fields) {
    if (field.type !== "reference" || !field.reference) continue;
    const ids = [...new Set(rows.map((r) => r.values[field.key]).filter((v): v is RowId => v !== null && v !== undefined))];
    const labels = mayLabel(viewer, field.reference.resource) ? await labelsFor(field.reference.resource, ids, viewer) : new Map<RowId, string>();
    for (const row of rows) {
      const id = row.values[field.key] as RowId | null;
      row.refs[field.key] = id === null || id === undefined ? null : { id, label: labels.get(id) ?? String(id) };
    }
  }
}

/** Titles of rows of `resourceName`, only of those `viewer` may view (the others are left out). */
export async function labelsFor(resourceName: string, ids: RowId[], viewer?: Viewer | null): Promise<Map<RowId, string>> {
  const target = getResource(resourceName);
  if (!target || ids.length === 0) return new Map();
  const rows = (await getDb()
    .select({ id: target.id, label: target.title })
    .from(target.table)
    .where(and(inArray(target.id, ids), ownerScope(target, viewer, "view")))) as { id: RowId; label: unknown }[];
  return new Map(rows.map((r) => [r.id, String(r.label ?? r.id)]));
}

async function boundedCount(resource: Resource, where: SQL | undefined): Promise<number> {
  const db = getDb();
  const inner = db.select({ one: sql`1` }).from(resource.table).where(where).limit(COUNT_CAP + 1).as("bounded");
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

async function searchPlan(resource: Resource, query: ListQuery, restricted: boolean): Promise<{ mode: SearchMode; total?: number }> {
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
function unorderedFilters(resource: Resource, query: ListQuery, sortColumn: SQLiteColumn): Set<string> {
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
 * A list page's counts and its rows query, not yet run: what listRows runs,
 * and what the query-plan test explains. Only rows `viewer` may view are
 * counted, searched, filtered, sorted and paged (see scope.ts).
 */
export async function planList(resource: Resource, query: ListQuery, viewer?: Viewer | null) {
  const owned = ownerScope(resource, viewer, "view");
  const plan = await searchPlan(resource, query, !!owned);
  const where = buildWhere(resource, query, plan.mode, undefined, owned);
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
    .select({ ...selection(resource, fields), __sort: orderBy, ...(versioned ? { __version: versioned } : {}) })
    .from(resource.table)
    .where(byCursor ? and(pageWhere, query.before ? buildBefore(resource, query) : buildAfter(resource, query)) : pageWhere)
    .orderBy(...buildOrderBy(resource, order))
    .limit(query.per)
    .offset(byCursor ? 0 : (page - 1) * query.per);
  return { select, total, totalCapped, pageCount, page, byCursor, fields, sortColumn };
}

export async function listRows(resource: Resource, query: ListQuery, viewer?: Viewer | null): Promise<ListResult> {
  const { select, total, totalCapped, pageCount, page, byCursor, fields, sortColumn } = await planList(resource, query, viewer);
  const rows = ((await select) as Record<string, unknown>[]).map(toRow);
  if (query.before) {
    rows.reverse();
    // Back at the start of the list: its first page, full, by page number.
    if (rows.length < query.per) return listRows(resource, { ...query, before: undefined, pos: undefined, page: 1 }, viewer);
  }
  await attachReferences(resource, fields, rows, viewer);
  const cursorOf = (row: Row | undefined): Cursor | undefined => {
    const value = row?.values.__sort;
    return row && sortColumn?.notNull ? { value: value instanceof Date ? value.getTime() : (value as string | number), id: row.id } : undefined;
  };
  const next = rows.length === query.per ? cursorOf(rows[rows.length - 1]) : undefined;
  const prev = byCursor ? cursorOf(rows[0]) : undefined;
  for (const r of rows) {
    delete r.values.__sort;
    if ("__version" in r.values) r.version = versionToken(resource.name, r.id, r.values.__version);
    delete r.values.__version;
  }
  return { rows, total: Math.min(total, COUNT_CAP), totalCapped, pageCount, page, next, prev, byCursor };
}

export interface RecordDetails extends Row {
  title: string;
  many: Record<string, RefValue[]>;
  /** What an edit form carries to detect a concurrent save (see engine/version.ts). */
  version?: string;
  /** The owner column's value, for resources with one. */
  ownerId?: string | null;
}

/**
 * One record, or null when there is none `viewer` may `action` (view for the
 * details page, update for the edit form): someone else's record under an
 * `:own` permission is not found, like a missing one.
 */
export async function getRecord(resource: Resource, id: RowId, viewer?: Viewer | null, action: Action = "view"): Promise<RecordDetails | null> {
  const fields = resource.fields.filter((f) => !f.hidden);
  const versioned = versionColumn(resource);
  const [raw] = (await getDb()
    .select({ ...selection(resource, fields), __title: resource.title, ...(versioned ? { __version: versioned } : {}), ...(resource.owner ? { __owner: resource.owner } : {}) })
    .from(resource.table)
    .where(and(eq(resource.id, id), resource.scope?.(), ownerScope(resource, viewer, action)))) as Record<string, unknown>[];
  if (!raw) return null;
  const { __title, __version, __owner, ...rest } = raw;
  const row = toRow(rest);
  await attachReferences(resource, fields, [row], viewer);
  const many: Record<string, RefValue[]> = {};
  for (const field of fields) {
    if (field.type !== "many" || !field.many) continue;
    const ids = (await getDb().select({ id: field.many.right }).from(field.many.through).where(eq(field.many.left, id))).map((r) => r.id as RowId);
    const labels = mayLabel(viewer, field.many.resource) ? await labelsFor(field.many.resource, ids, viewer) : new Map<RowId, string>();
    many[field.key] = ids.map((i) => ({ id: i, label: labels.get(i) ?? String(i) })).sort((a, b) => a.label.localeCompare(b.label));
  }
  return { ...row, title: String(__title ?? id), many, version: versionToken(resource.name, id, __version), ownerId: __owner === null || __owner === undefined ? null : String(__owner) };
}

/** A record's current version (see engine/version.ts), or undefined when it is gone or unversioned. */
export async function getVersion(resource: Resource, id: RowId): Promise<string | undefined> {
  const column = versionColumn(resource);
  if (!column) return undefined;
  const [row] = (await getDb().select({ v: column }).from(resource.table).where(eq(resource.id, id))) as { v: unknown }[];
  return versionToken(resource.name, id, row?.v);
}

/** Options for a reference picker: rows `viewer` may view whose title contains `q`, at most `limit`. */
export async function lookupOptions(resourceName: string, q: string, limit = 20, viewer?: Viewer | null): Promise<RefValue[]> {
  const target = getResource(resourceName);
  if (!target) return [];
  const text = cleanText(q).trim().slice(0, 100);
  const rows = (await getDb()
    .select({ id: target.id, label: target.title })
    .from(target.table)
    .where(and(text ? containsInsensitive(target.title, text) : undefined, target.scope?.(), ownerScope(target, viewer, "view")))
    .orderBy(asc(target.title), asc(target.id))
    .limit(limit)) as { id: RowId; label: unknown }[];
  return rows.map((r) => ({ id: r.id, label: String(r.label ?? r.id) }));
}

/** Every option of a small target table (many-to-many checkboxes), capped. */
export function allOptions(resourceName: string, cap = 500, viewer?: Viewer | null): Promise<RefValue[]> {
  return lookupOptions(resourceName, "", cap, viewer);
}

export interface ResourceCount {
  /** Exact up to COUNT_CAP. */
  total: number;
  /** More than COUNT_CAP rows: shown as "10,000+". */
  capped: boolean;
}

/**
 * How many rows the resource's unfiltered list holds for `viewer`, bounded
 * like a list's total: the list's own WHERE (so the resource's scope applies)
 * in a subquery that stops after COUNT_CAP + 1 rows. Null when the viewer may
 * not view the resource; undefined is a trusted caller.
 */
export async function resourceCount(resource: Resource, viewer: Viewer | undefined): Promise<ResourceCount | null> {
  if (viewer !== undefined && !mayAct(viewer.access, resource, "view")) return null;
  // Only the rows the viewer may view: their own, under an :own permission.
  const total = await boundedCount(resource, buildWhere(resource, { q: "", filters: [] }, "scan", undefined, ownerScope(resource, viewer, "view")));
  return { total: Math.min(total, COUNT_CAP), capped: total > COUNT_CAP };
}
