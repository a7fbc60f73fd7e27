import { and, inArray } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { writeAudit, type Actor } from "../../audit";
import { UserFacingError } from "../../errors";
import { columnKey } from "../define";
import { fixedFields } from "../scope";
import type { Editor, Resource } from "../types";
import type { RowId } from "./queries";
import { lockTargets, rowScope, writeThrough } from "./targets";
import { versionColumn } from "./version";
import { refused, refuseRows, same, type DeleteResult } from "./write";

/**
 * Bulk actions on selected rows, all or none: a row missing or outside the
 * editor's scope refuses the whole request with the one "does not exist" answer.
 */

/** Runs one of the resource's declared bulk actions on the rows `ids`. */
export async function runBulkAction(resource: Resource, actor: Actor, editor: Editor | null, name: string, ids: RowId[]): Promise<DeleteResult> {
  const action = resource.bulkActions?.find((a) => a.name === name);
  if (!action) return { ok: false, message: "Unknown action." };
  if (ids.length === 0) return { ok: false, message: "Select at least one row." };
  const fixed = action.field && editor ? fixedFields(resource, editor).get(action.field) : undefined;
  if (fixed) return { ok: false, message: fixed };
  try {
    const count = await writeThrough(resource, action.action, async (tx) => {
      const rows = await lockTargets(tx, resource, editor, action.action, ids, { title: resource.title });
      if (action.field) await refuseRows(tx, resource, editor, ids, action.field);
      // The action's own write sees only these ids, which the locked read found within the editor's scope.
      const changed = await action.run(tx, ids);
      for (const row of rows) await writeAudit(tx, actor, { action: `bulk:${action.name}`, resource: resource.name, recordId: row.__id as RowId, summary: String(row.title ?? row.__id) });
      return changed;
    });
    return { ok: true, count };
  } catch (error) {
    return refused(resource, actor, `bulk:${action.name}`, error, ids.length);
  }
}

/**
 * The bulk "Set field…" action: sets one `inlineEdit` field to one value on
 * the rows `ids` in one transaction, under the resource's edit policy for
 * that field and its update hooks, moving each row's version on and writing
 * one audit entry per row with the field's before and after. `value` must
 * come from parseInlineValue (the form's checks).
 */
export async function setFieldOnRecords(resource: Resource, actor: Actor, editor: Editor | null, key: string, value: unknown, ids: RowId[]): Promise<DeleteResult> {
  const field = resource.fieldMap.get(key);
  if (!field?.inlineEdit || !field.column) return { ok: false, message: "This field cannot be set in bulk." };
  if (ids.length === 0) return { ok: false, message: "Select at least one row." };
  const fixed = editor ? fixedFields(resource, editor).get(key) : undefined;
  if (fixed) return { ok: false, message: fixed };
  const column = field.column;
  const columns: Record<string, SQLiteColumn> = {};
  for (const f of resource.fields) if (f.column) columns[f.key] = f.column;
  try {
    const count = await writeThrough(resource, "update", async (tx) => {
      const rows = await lockTargets(tx, resource, editor, "update", ids, columns);
      await refuseRows(tx, resource, editor, ids, key);
      // The update hooks see each row as the edit form would, and may refuse it or keep the field as it is.
      const targets: { id: RowId; before: Record<string, unknown> }[] = [];
      for (const { __id, ...before } of rows) {
        const values: Record<string, unknown> = { [key]: value };
        const refusal = await resource.hooks?.beforeUpdate?.(tx, __id as RowId, values, before);
        if (refusal) throw new UserFacingError(refusal[key] ?? Object.values(refusal)[0] ?? "Refused.");
        if (key in values) targets.push({ id: __id as RowId, before });
      }
      if (targets.length === 0) return 0;
      const set: Record<string, unknown> = { [columnKey(resource, column)]: value };
      const versioned = versionColumn(resource);
      if (versioned) set[columnKey(resource, versioned)] = new Date();
      const where = and(inArray(resource.id, targets.map((t) => t.id)), rowScope(resource, editor, "update"));
      await tx.update(resource.table).set(set).where(where);
      for (const { id, before } of targets) {
        const changed = new Set(same(value, before[key]) ? [] : [key]);
        await resource.hooks?.afterWrite?.(tx, id, { mode: "update", before, changed });
        await writeAudit(tx, actor, { action: "bulk:set", resource: resource.name, recordId: id, changes: { [key]: { before: before[key] ?? null, after: value ?? null } } });
      }
      return targets.length;
    });
    return { ok: true, count };
  } catch (error) {
    return refused(resource, actor, "bulk:set", error, ids.length);
  }
}
