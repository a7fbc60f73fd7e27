import { eq, sql, type SQL } from "drizzle-orm";
import { translator } from "../i18n/translator";
import { can, scopeOf, type Access, type Action, type Permission } from "../permissions";
import type { FieldDef, Resource } from "./types";

/**
 * Access rules that follow the data: which rows of a resource a user may
 * act on (all, or only their own where the resource has an owner column), and
 * which fields they may see and change. The engine applies both on the
 * server, for every query and write; pages only draw what comes back.
 */

/** Who is reading or writing. Undefined means a trusted caller (CLI, seed, tests) bound by no rule. */
export interface Viewer {
  id: string;
  access: Access;
}

const NOTHING = sql`1 = 0`;

/** Whether the resource declares `action` at all (the audit log: view and export only), whatever anyone's permissions. */
export function supports(resource: Pick<Resource, "actions">, action: Action): boolean {
  return !resource.actions || resource.actions.includes(action);
}

/**
 * The WHERE condition that limits `resource` to the rows `viewer` may
 * `action`: none for all rows, `owner = viewer` for their own, and a
 * condition matching nothing without the permission.
 */
export function ownerScope(resource: Resource, viewer: Viewer | null | undefined, action: Action): SQL | undefined {
  if (viewer === undefined) return undefined;
  const scope = viewer ? scopeOf(viewer.access, resource, action) : null;
  if (scope === "all") return undefined;
  if (scope === "own" && resource.owner) return eq(resource.owner, viewer!.id);
  return NOTHING;
}

function mayView(access: Access, field: FieldDef): boolean {
  return !field.access?.view || can(access, field.access.view as Permission);
}

// Per resource object: a localized copy (localize.ts) gets narrowed copies of its own.
const narrowed = new WeakMap<Resource, Map<string, Resource>>();

/**
 * The resource as `access` sees it: fields it may not view are gone, and
 * with them their filters, sort, search and export columns. Every page, action
 * and route works on this copy, so a hidden field cannot be read or written
 * through any of them. Copies are cached, so per-resource caches keep working.
 */
export function resourceFor(resource: Resource, access: Access): Resource {
  const hidden = resource.fields.filter((f) => !mayView(access, f)).map((f) => f.key);
  if (hidden.length === 0) return resource;
  const key = hidden.join(",");
  let byHidden = narrowed.get(resource);
  if (!byHidden) narrowed.set(resource, (byHidden = new Map()));
  let copy = byHidden.get(key);
  if (copy) return copy;
  const gone = new Set(hidden);
  const fields = resource.fields.filter((f) => !gone.has(f.key));
  const search = resource.search?.filter((k) => !gone.has(k));
  copy = {
    ...resource,
    fields,
    fieldMap: new Map(fields.map((f) => [f.key, f])),
    search,
    // The full-text index covers exactly the declared search columns: with fewer, search scans.
    searchIndex: search?.length === resource.search?.length ? resource.searchIndex : undefined,
    filters: resource.filters?.filter((f) => !gone.has(f.field)),
    defaultSort: resource.defaultSort && gone.has(resource.defaultSort.replace(/^-/, "")) ? undefined : resource.defaultSort,
    bulkActions: resource.bulkActions?.filter((a) => !a.field || !gone.has(a.field)),
  };
  byHidden.set(key, copy);
  return copy;
}

/** The key of the field stored in the owner column, if a field shows it. */
export function ownerField(resource: Resource): FieldDef | undefined {
  return resource.owner ? resource.fields.find((f) => f.column === resource.owner) : undefined;
}

/** Why an owner sent for a new record is refused, and why the owner field is fixed: one reason. */
export async function ownerReason(): Promise<string> {
  return (await translator("engine"))("rules.owner");
}

/**
 * Fields `viewer` may not change on an existing record, with the reason: those
 * whose `change` permission they lack, and the owner unless they may update
 * every record. Forms show them read-only; a submitted value is ignored.
 */
export async function fixedFields(resource: Resource, viewer: Viewer): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const t = await translator("engine");
  for (const f of resource.fields) {
    if (!f.access?.change || can(viewer.access, f.access.change as Permission)) continue;
    const label = resource.permissions?.find((p) => p.name === f.access!.change)?.label;
    out.set(f.key, label ? t("rules.needsPermission", { permission: label }) : t("rules.mayNotChange"));
  }
  const owner = ownerField(resource);
  if (owner && scopeOf(viewer.access, resource, "update") !== "all") out.set(owner.key, t("rules.owner"));
  return out;
}

/** On create: the owner the new row must get whatever was submitted (the creator, with only `create:own`), or undefined. */
export function forcedOwner(resource: Resource, viewer: Viewer): string | undefined {
  return resource.owner && scopeOf(viewer.access, resource, "create") === "own" ? viewer.id : undefined;
}
