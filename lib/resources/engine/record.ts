import { and, eq } from "drizzle-orm";
import { getDb } from "../../db";
import type { Action } from "../../permissions";
import { ownerScope, type Viewer } from "../scope";
import type { Resource } from "../types";
import type { Registry } from "./context";
import { attachReferences, labelsFor, mayLabel } from "./labels";
import { selection, toRow, type RefValue, type Row, type RowId } from "./rows";
import { sqlColumn, sqlFields, sqlTable } from "../../db/query-tables";
import { versionColumn } from "./version";
import { versionToken } from "./version-token";

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
export async function getRecord(registry: Registry, resource: Resource, id: RowId, viewer?: Viewer | null, action: Action = "view"): Promise<RecordDetails | null> {
  const fields = resource.fields.filter((f) => !f.hidden);
  const versioned = versionColumn(resource);
  const [raw] = (await getDb()
    .select(sqlFields({ ...selection(resource, fields), __title: resource.title, ...(versioned ? { __version: versioned } : {}), ...(resource.owner ? { __owner: resource.owner } : {}) }))
    .from(sqlTable(resource.table))
    .where(and(eq(resource.id, id), resource.scope?.(), ownerScope(resource, viewer, action)))) as Record<string, unknown>[];
  if (!raw) return null;
  const { __title, __version, __owner, ...rest } = raw;
  const row = toRow(rest);
  await attachReferences(registry, resource, fields, [row], viewer);
  const many: Record<string, RefValue[]> = {};
  for (const field of fields) {
    if (field.type !== "many" || !field.many) continue;
    const ids = (await getDb().select({ id: sqlColumn(field.many.right) }).from(sqlTable(field.many.through)).where(eq(field.many.left, id))).map((r) => r.id as RowId);
    const labels = mayLabel(registry, viewer, field.many.resource) ? await labelsFor(registry, field.many.resource, ids, viewer) : new Map<RowId, string>();
    many[field.key] = ids.map((i) => ({ id: i, label: labels.get(i) ?? String(i) })).sort((a, b) => a.label.localeCompare(b.label));
  }
  return { ...row, title: String(__title ?? id), many, version: versionToken(resource.name, id, __version), ownerId: __owner === null || __owner === undefined ? null : String(__owner) };
}

/** A record's current version (see engine/version.ts), or undefined when it is gone or unversioned. */
export async function getVersion(resource: Resource, id: RowId): Promise<string | undefined> {
  const column = versionColumn(resource);
  if (!column) return undefined;
  const [row] = (await getDb().select({ v: sqlColumn(column) }).from(sqlTable(resource.table)).where(eq(resource.id, id))) as { v: unknown }[];
  return versionToken(resource.name, id, row?.v);
}

