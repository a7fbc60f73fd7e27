import { and } from "drizzle-orm";
import { getDb } from "../../db";
import { sqlColumn, sqlFields, sqlTable } from "../../db/query-tables";
import { mayAct, type Action } from "../../permissions";
import { ownerScope, type Viewer } from "../scope";
import type { Resource } from "../types";
import type { Registry } from "./context";
import { attachReferences } from "./labels";
import type { Cursor, ListQuery } from "./params";
import type { RowId } from "./ids";
import { boundedCount, listWhere, planList } from "./plan";
import { buildWhere } from "./query";
import { COUNT_CAP, toRow, type ListResult, type Row } from "./rows";
import { versionToken } from "./version-token";

/** The list pages' reads; the row shapes are in rows.ts, one record's read in record.ts. */

export async function listRows(registry: Registry, resource: Resource, query: ListQuery, viewer?: Viewer | null): Promise<ListResult> {
  const { select, total, totalCapped, pageCount, page, byCursor, fields, sortColumn } = await planList(resource, query, viewer);
  const rows = ((await select) as Record<string, unknown>[]).map(toRow);
  if (query.before) {
    rows.reverse();
    // Back at the start of the list: its first page, full, by page number.
    if (rows.length < query.per) return listRows(registry, resource, { ...query, before: undefined, pos: undefined, page: 1 }, viewer);
  }
  await attachReferences(registry, resource, fields, rows, viewer);
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

/**
 * The ids of every row of the list `query` (its search and filters) that
 * `editor` may view and may `action`: what a bulk action on "all matching"
 * targets, read again on the server (never ids from the client). Null when
 * more than `cap` rows match: the caller refuses rather than write part.
 */
export async function matchingIds(resource: Resource, query: ListQuery, editor: Viewer, action: Action, cap: number): Promise<RowId[] | null> {
  const { where } = await listWhere(resource, query, and(ownerScope(resource, editor, "view"), ownerScope(resource, editor, action)));
  const rows = await getDb().select(sqlFields({ id: resource.id })).from(sqlTable(resource.table)).where(where).orderBy(sqlColumn(resource.id)).limit(cap + 1);
  return rows.length > cap ? null : rows.map((r) => r.id as RowId);
}
