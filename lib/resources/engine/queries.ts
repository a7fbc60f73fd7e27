import { and, asc, count, eq, inArray, sql, type SQL } from "drizzle-orm";
import { getDb } from "../../db";
import { containsInsensitive } from "../../db/dialect";
import { getResource } from "../registry";
import type { FieldDef, Resource } from "../types";
import type { ListQuery } from "./params";
import { buildOrderBy, buildWhere } from "./query";

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
}
export interface ListResult {
  rows: Row[];
  total: number;
  totalCapped: boolean;
  pageCount: number;
  page: number;
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

/** Fills `refs` with the referenced rows' titles: one query per reference field. */
function attachReferences(resource: Resource, fields: FieldDef[], rows: Row[]): void {
  for (const field of fields) {
    if (field.type !== "reference" || !field.reference) continue;
    const ids = [...new Set(rows.map((r) => r.values[field.key]).filter((v): v is RowId => v !== null && v !== undefined))];
    const labels = labelsFor(field.reference.resource, ids);
    for (const row of rows) {
      const id = row.values[field.key] as RowId | null;
      row.refs[field.key] = id === null || id === undefined ? null : { id, label: labels.get(id) ?? String(id) };
    }
  }
}

export function labelsFor(resourceName: string, ids: RowId[]): Map<RowId, string> {
  const target = getResource(resourceName);
  if (!target || ids.length === 0) return new Map();
  const rows = getDb()
    .select({ id: target.id, label: target.title })
    .from(target.table)
    .where(inArray(target.id, ids))
    .all() as { id: RowId; label: unknown }[];
  return new Map(rows.map((r) => [r.id, String(r.label ?? r.id)]));
}

function boundedCount(resource: Resource, where: SQL | undefined): number {
  const db = getDb();
  const inner = db.select({ one: sql`1` }).from(resource.table).where(where).limit(COUNT_CAP + 1).as("bounded");
  return db.select({ n: count() }).from(inner).get()?.n ?? 0;
}

export function listRows(resource: Resource, query: ListQuery): ListResult {
  const where = buildWhere(resource, query);
  const total = boundedCount(resource, where);
  const totalCapped = total > COUNT_CAP;
  const pageCount = Math.max(1, Math.ceil(Math.min(total, COUNT_CAP) / query.per));
  // Past the last page of an exact total, show the last page instead of nothing.
  const page = totalCapped ? query.page : Math.min(query.page, pageCount);
  const fields = resource.fields.filter((f) => f.list);
  const rows = (
    getDb()
      .select(selection(resource, fields))
      .from(resource.table)
      .where(where)
      .orderBy(...buildOrderBy(resource, query.sort))
      .limit(query.per)
      .offset((page - 1) * query.per)
      .all() as Record<string, unknown>[]
  ).map(toRow);
  attachReferences(resource, fields, rows);
  return { rows, total: Math.min(total, COUNT_CAP), totalCapped, pageCount, page };
}

export interface RecordDetails extends Row {
  title: string;
  many: Record<string, RefValue[]>;
}

export function getRecord(resource: Resource, id: RowId): RecordDetails | null {
  const fields = resource.fields.filter((f) => !f.hidden);
  const raw = getDb()
    .select({ ...selection(resource, fields), __title: resource.title })
    .from(resource.table)
    .where(and(eq(resource.id, id), resource.scope?.()))
    .get() as Record<string, unknown> | undefined;
  if (!raw) return null;
  const { __title, ...rest } = raw;
  const row = toRow(rest);
  attachReferences(resource, fields, [row]);
  const many: Record<string, RefValue[]> = {};
  for (const field of fields) {
    if (field.type !== "many" || !field.many) continue;
    const ids = getDb().select({ id: field.many.right }).from(field.many.through).where(eq(field.many.left, id)).all().map((r) => r.id as RowId);
    const labels = labelsFor(field.many.resource, ids);
    many[field.key] = ids.map((i) => ({ id: i, label: labels.get(i) ?? String(i) })).sort((a, b) => a.label.localeCompare(b.label));
  }
  return { ...row, title: String(__title ?? id), many };
}

/** Options for a reference picker: rows whose title contains `q`, at most `limit`. */
export function lookupOptions(resourceName: string, q: string, limit = 20): RefValue[] {
  const target = getResource(resourceName);
  if (!target) return [];
  const text = q.trim().slice(0, 100);
  const rows = getDb()
    .select({ id: target.id, label: target.title })
    .from(target.table)
    .where(and(text ? containsInsensitive(target.title, text) : undefined, target.scope?.()))
    .orderBy(asc(target.title), asc(target.id))
    .limit(limit)
    .all() as { id: RowId; label: unknown }[];
  return rows.map((r) => ({ id: r.id, label: String(r.label ?? r.id) }));
}

/** Every option of a small target table (many-to-many checkboxes), capped. */
export function allOptions(resourceName: string, cap = 500): RefValue[] {
  return lookupOptions(resourceName, "", cap);
}
