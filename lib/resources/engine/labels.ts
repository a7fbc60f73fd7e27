import { and, asc, inArray } from "drizzle-orm";
import { getDb } from "../../db";
import { containsInsensitive } from "../../db/dialect";
import { mayAct } from "../../permissions";
import { ownerScope, type Viewer } from "../scope";
import type { FieldDef, Resource } from "../types";
import type { Registry } from "./context";
import { cleanText } from "./params";
import type { RefValue, Row, RowId } from "./rows";
import { sqlFields, sqlTable } from "../../db/query-tables";

/**
 * Who is reading (see scope.ts): the rows they may view, and for reference
 * labels, a title is the referenced resource's data, shown only to whoever may
 * view that row; others see the id. Undefined means a trusted caller (scripts,
 * tests) that sees every row and title.
 */
export type { Viewer };

export function mayLabel(registry: Registry, viewer: Viewer | null | undefined, target: string): boolean {
  if (viewer === undefined) return true;
  const resource = registry.get(target);
  return !!viewer && !!resource && mayAct(viewer.access, resource, "view");
}

/** Fills `refs` with the referenced rows' titles: one query per reference field. */
export async function attachReferences(registry: Registry, resource: Resource, fields: FieldDef[], rows: Row[], viewer: Viewer | null | undefined): Promise<void> {
  for (const field of fields) {
    if (field.type !== "reference" || !field.reference) continue;
    const ids = [...new Set(rows.map((r) => r.values[field.key]).filter((v): v is RowId => v !== null && v !== undefined))];
    const labels = mayLabel(registry, viewer, field.reference.resource) ? await labelsFor(registry, field.reference.resource, ids, viewer) : new Map<RowId, string>();
    for (const row of rows) {
      const id = row.values[field.key] as RowId | null;
      row.refs[field.key] = id === null || id === undefined ? null : { id, label: labels.get(id) ?? String(id) };
    }
  }
}

/** Titles of rows of `resourceName`, only of those `viewer` may view (the others are left out). */
export async function labelsFor(registry: Registry, resourceName: string, ids: RowId[], viewer?: Viewer | null): Promise<Map<RowId, string>> {
  const target = registry.get(resourceName);
  if (!target || ids.length === 0) return new Map();
  const rows = (await getDb()
    .select(sqlFields({ id: target.id, label: target.title }))
    .from(sqlTable(target.table))
    .where(and(inArray(target.id, ids), ownerScope(target, viewer, "view")))) as { id: RowId; label: unknown }[];
  return new Map(rows.map((r) => [r.id, String(r.label ?? r.id)]));
}

/** Options for a reference picker: rows `viewer` may view whose title contains `q`, at most `limit`. */
export async function lookupOptions(registry: Registry, resourceName: string, q: string, limit = 20, viewer?: Viewer | null): Promise<RefValue[]> {
  const target = registry.get(resourceName);
  if (!target) return [];
  const text = cleanText(q).trim().slice(0, 100);
  const rows = (await getDb()
    .select(sqlFields({ id: target.id, label: target.title }))
    .from(sqlTable(target.table))
    .where(and(text ? containsInsensitive(target.title, text) : undefined, target.scope?.(), ownerScope(target, viewer, "view")))
    .orderBy(asc(target.title), asc(target.id))
    .limit(limit)) as { id: RowId; label: unknown }[];
  return rows.map((r) => ({ id: r.id, label: String(r.label ?? r.id) }));
}

/** Every option of a small target table (many-to-many checkboxes), capped. */
export function allOptions(registry: Registry, resourceName: string, cap = 500, viewer?: Viewer | null): Promise<RefValue[]> {
  return lookupOptions(registry, resourceName, "", cap, viewer);
}

