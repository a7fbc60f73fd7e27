import { and, asc, inArray, or, sql, type Column } from "drizzle-orm";
import { getDb } from "../../db";
import { containsInsensitive } from "../../db/dialect";
import { mayAct } from "../../permissions";
import { ownerScope, type Viewer } from "../scope";
import type { FieldDef, Resource } from "../types";
import type { Registry } from "./context";
import { cleanText } from "./params";
import type { RefValue, Row, RowId } from "./rows";
import { sqlFields, sqlTable } from "../../db/query-tables";
import { engineWords, type Words } from "./words";

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

/** The resource whose rows are the users: the one that owner columns point at (their values are viewers' ids). */
function usersResource(registry: Registry): string | undefined {
  for (const r of registry.all) {
    const owner = r.owner ? r.fields.find((f) => f.column === r.owner) : undefined;
    if (owner?.reference) return owner.reference.resource;
  }
  return undefined;
}

/** What a reference shows when the viewer may not see the row it names: no title, no id. */
export function hiddenLabel({ t, noun }: Words, target: Pick<Resource, "singular"> | undefined): string {
  return target ? t("labels.hidden", { singular: noun(target.singular) }) : t("labels.hiddenRecord");
}

/**
 * Fills `refs` with the referenced rows' titles, one query per reference
 * field, by one rule for lists, details and forms: a row the viewer may view
 * shows its title and may be opened (`open`); the viewer themselves shows
 * their own title (they may always see who they are) but is no link unless
 * they may open it; any other row shows a neutral text, never its title or id.
 */
export async function attachReferences(registry: Registry, resource: Resource, fields: FieldDef[], rows: Row[], viewer: Viewer | null | undefined): Promise<void> {
  const words = fields.some((f) => f.type === "reference") && viewer !== undefined ? await engineWords() : undefined;
  for (const field of fields) {
    if (field.type !== "reference" || !field.reference) continue;
    const targetName = field.reference.resource;
    const ids = [...new Set(rows.map((r) => r.values[field.key]).filter((v): v is RowId => v !== null && v !== undefined))];
    const labels = mayLabel(registry, viewer, targetName) ? await labelsFor(registry, targetName, ids, viewer) : new Map<RowId, string>();
    const self = viewer && targetName === usersResource(registry) && ids.some((id) => String(id) === viewer.id) && !labels.has(viewer.id) ? (await labelsFor(registry, targetName, [viewer.id])).get(viewer.id) : undefined;
    for (const row of rows) {
      const id = row.values[field.key] as RowId | null;
      if (id === null || id === undefined) row.refs[field.key] = null;
      else if (labels.has(id)) row.refs[field.key] = { id, label: labels.get(id)!, open: true };
      else if (self !== undefined && String(id) === viewer?.id) row.refs[field.key] = { id, label: self, open: false };
      else row.refs[field.key] = { id, label: viewer === undefined ? String(id) : hiddenLabel(words!, registry.get(targetName)), open: false };
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

/** The columns a picker matches typed text against: the target's title and its `search` fields (Django's autocomplete_fields). */
function matchColumns(target: Resource): Column[] {
  const columns = [target.title, ...(target.search ?? []).map((key) => target.fieldMap.get(key)?.column)];
  return [...new Set(columns.filter((c): c is Column => !!c))];
}

/** Options for a reference picker: rows `viewer` may view whose title or a search field contains `q`, at most `limit`. */
export async function lookupOptions(registry: Registry, resourceName: string, q: string, limit = 20, viewer?: Viewer | null): Promise<RefValue[]> {
  const target = registry.get(resourceName);
  if (!target) return [];
  const text = cleanText(q).trim().slice(0, 100);
  const rows = (await getDb()
    .select(sqlFields({ id: target.id, label: target.title }))
    .from(sqlTable(target.table))
    .where(and(text ? or(...matchColumns(target).map((c) => containsInsensitive(c, text))) : undefined, target.scope?.(), ownerScope(target, viewer, "view")))
    .orderBy(asc(target.title), asc(target.id))
    .limit(limit)) as { id: RowId; label: unknown }[];
  return rows.map((r) => ({ id: r.id, label: String(r.label ?? r.id) }));
}

/** Every option of a small target table (many-to-many checkboxes), capped. */
export function allOptions(registry: Registry, resourceName: string, cap = 500, viewer?: Viewer | null): Promise<RefValue[]> {
  return lookupOptions(registry, resourceName, "", cap, viewer);
}


/**
 * The rows `viewer` may view whose title or a search field equals `text`
 * (ignoring case): how a picker typed without JavaScript names its row. At
 * most two, enough to tell one from several.
 */
export async function findByLabel(registry: Registry, resourceName: string, text: string, viewer?: Viewer | null): Promise<RowId[]> {
  const target = registry.get(resourceName);
  const wanted = cleanText(text).trim().slice(0, 254);
  if (!target || !wanted) return [];
  const rows = (await getDb()
    .select(sqlFields({ id: target.id }))
    .from(sqlTable(target.table))
    .where(and(or(...matchColumns(target).map((c) => sql`lower(cast(${c} as text)) = lower(${wanted})`)), target.scope?.(), ownerScope(target, viewer, "view")))
    .orderBy(asc(target.id))
    .limit(2)) as { id: RowId }[];
  return rows.map((r) => r.id);
}
