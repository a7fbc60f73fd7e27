import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "../../db";
import { columnKey } from "../define";
import { forcedOwner } from "../scope";
import type { Editor, FieldDef, Resource } from "../types";
import type { Registry } from "./context";
import type { FieldErrors } from "./form";
import type { RowId } from "./ids";
import { sqlColumn, sqlTable } from "../../db/query-tables";
import { rowScope } from "./targets";
import { engineWords } from "./words";

/** A submitted reference id in the target's id type. */
export function targetId(registry: Registry, resourceName: string, raw: unknown): RowId {
  const target = registry.get(resourceName);
  return target?.idType === "int" && typeof raw === "string" && /^\d+$/.test(raw) ? Number(raw) : (raw as RowId);
}

/**
 * Inside the write transaction: each reference set or changed must name a
 * row `editor` may view. One message for a row that does not exist and for
 * one they may not see, so a form cannot tell which ids exist (users, to an
 * editor without users:view).
 */
export async function checkReferences(registry: Registry, tx: Tx, resource: Resource, editor: Editor | null, values: Record<string, unknown>, changed: Set<string>): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const { t, noun } = await engineWords();
  // The owner the engine itself sets on a new record (an `:own` creator) is no choice of theirs.
  const forced = editor ? forcedOwner(resource, editor) : undefined;
  for (const field of resource.fields) {
    const value = values[field.key];
    const chosen = changed.has(field.key) && !(forced !== undefined && field.column === resource.owner && value === forced);
    if (field.type === "reference" && field.reference && value !== null && value !== undefined && chosen) {
      const target = registry.get(field.reference.resource)!;
      const found = await tx
        .select({ id: sqlColumn(target.id) })
        .from(sqlTable(target.table))
        .where(and(eq(target.id, targetId(registry, target.name, value)), rowScope(target, editor, "view")))
        .limit(1);
      if (found.length === 0) errors[field.key] = t("field.existingOne", { singular: noun(target.singular) });
    }
    if (field.type === "many" && field.many && Array.isArray(value) && value.length) {
      const target = registry.get(field.many.resource)!;
      const ids = value.map((v) => targetId(registry, target.name, v));
      const found = await tx.select({ id: sqlColumn(target.id) }).from(sqlTable(target.table)).where(inArray(target.id, ids));
      if (found.length !== new Set(ids).size) errors[field.key] = t("field.existingMany", { plural: noun(target.label) });
    }
  }
  return errors;
}

/** The submitted values of column fields, keyed by the table's property names. */
export function columnValues(registry: Registry, resource: Resource, values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of resource.fields) {
    if (!field.column || !(field.key in values)) continue;
    const v = values[field.key];
    out[columnKey(resource, field.column)] = field.type === "reference" && field.reference && v !== null ? targetId(registry, field.reference.resource, v) : v;
  }
  return out;
}

/** Replaces a many-to-many field's links of row `id`. */
export async function writeMany(registry: Registry, tx: Tx, field: FieldDef, id: RowId, ids: unknown[]): Promise<void> {
  const many = field.many!;
  await tx.delete(sqlTable(many.through)).where(eq(many.left, id));
  if (ids.length === 0) return;
  const leftKey = Object.entries(many.through).find(([, c]) => c === many.left)?.[0];
  const rightKey = Object.entries(many.through).find(([, c]) => c === many.right)?.[0];
  await tx.insert(sqlTable(many.through)).values(ids.map((v) => ({ [leftKey!]: id, [rightKey!]: targetId(registry, many.resource, v) })));
}
