import { getTableColumns } from "drizzle-orm";
import { INLINE_EDIT_TYPES } from "./inline-edit";
import { ACTIONS, isPermission } from "../permissions";
import type { FieldDef, Resource, ResourceConfig } from "./types";

/**
 * Declares an admin resource for a Drizzle table. The engine builds list,
 * search, filters, sorting, details, forms, delete, bulk actions and CSV export
 * from this one object; register the result in `lib/resources/registry.ts`.
 *
 * Mistakes in the definition (a sort, filter or search key that names no field,
 * `inlineEdit` on a field type a list cannot edit) throw at start-up rather
 * than at request time.
 */
export function defineResource(config: ResourceConfig): Resource {
  const fieldMap = new Map<string, FieldDef>();
  for (const field of config.fields) {
    if (fieldMap.has(field.key)) throw new Error(`${config.name}: duplicate field ${field.key}`);
    if (field.type === "reference" && !field.reference) throw new Error(`${config.name}.${field.key}: reference needs { resource }`);
    if (field.type === "many" && !field.many) throw new Error(`${config.name}.${field.key}: many needs { through, left, right }`);
    if (field.inlineEdit) checkInlineEdit(config.name, field);
    fieldMap.set(field.key, field);
  }
  const needColumn = (key: string, what: string) => {
    const f = fieldMap.get(key);
    if (!f?.column) throw new Error(`${config.name}: ${what} ${key} is not a column field`);
  };
  for (const key of config.search ?? []) needColumn(key, "search field");
  for (const f of config.filters ?? []) if (!(f.type === "reference" && fieldMap.get(f.field)?.type === "many")) needColumn(f.field, "filter field");
  for (const f of config.fields) {
    if (!f.related) continue;
    if (f.type !== "reference" && f.type !== "many") throw new Error(`${config.name}.${f.key}: related needs a reference or many field`);
    if (!config.filters?.some((d) => d.field === f.key && d.type === "reference")) throw new Error(`${config.name}.${f.key}: related needs a reference filter on the field (for "View all")`);
  }
  for (const f of config.fields) if (f.sortable) needColumn(f.key, "sortable field");
  if (config.defaultSort) needColumn(config.defaultSort.replace(/^-/, ""), "default sort");
  const columns = Object.values(getTableColumns(config.table));
  if (!columns.includes(config.id)) throw new Error(`${config.name}: id is not a column of its table`);
  if (config.owner && !columns.includes(config.owner)) throw new Error(`${config.name}: owner is not a column of its table`);
  const extras = new Set<string>();
  for (const p of config.permissions ?? []) {
    const [resource, name, more] = p.name.split(":");
    if (resource !== config.name || !name || more !== undefined || !isPermission(p.name) || (ACTIONS as readonly string[]).includes(name)) throw new Error(`${config.name}: extra permission ${p.name} must be ${config.name}:<name>, not an action`);
    extras.add(p.name);
  }
  for (const f of config.fields) {
    for (const needed of [f.access?.view, f.access?.change]) {
      if (needed === undefined) continue;
      const action = needed.startsWith(`${config.name}:`) ? needed.slice(config.name.length + 1) : "";
      if (!extras.has(needed) && !(ACTIONS as readonly string[]).includes(action)) throw new Error(`${config.name}.${f.key}: ${needed} is neither an action of ${config.name} nor one of its declared permissions`);
    }
  }
  return { ...config, fieldMap, idType: config.id.dataType === "number" ? "int" : "text" };
}

/** Inline editing only for simple column fields that the edit form has. */
function checkInlineEdit(resource: string, field: FieldDef): void {
  const where = `${resource}.${field.key}: inlineEdit`;
  if (!INLINE_EDIT_TYPES.includes(field.type)) throw new Error(`${where} is for ${INLINE_EDIT_TYPES.join(", ")} fields, not ${field.type}`);
  if (!field.column) throw new Error(`${where} needs a column`);
  if (field.form === false || field.form === "create") throw new Error(`${where} needs a field the edit form has`);
}

/** The property name of a column in its table (what drizzle-zod and inserts use). */
export function columnKey(resource: Resource, column: unknown): string {
  for (const [key, col] of Object.entries(getTableColumns(resource.table))) if (col === column) return key;
  throw new Error(`${resource.name}: column not in table`);
}
