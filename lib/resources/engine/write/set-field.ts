import { inArray } from "drizzle-orm";
import { columnKey } from "../../define";
import type { Editor, Resource } from "../../types";
import type { Actor, EngineContext } from "../context";
import type { RowId } from "../ids";
import { sqlTable } from "../../../db/query-tables";
import { versionColumn } from "../version";
import { applyFieldRules, changedKeys } from "./field-rules";
import { runWrite, selectRows } from "./pipeline";
import { FieldErrorsThrown, type WriteResult } from "./result";
import { engineWords } from "../words";

/**
 * The bulk "Set field…" action: sets one `inlineEdit` field to one value on
 * the rows `ids`, under the same field rules and update hooks as the edit
 * form, moving each row's version on and writing one audit entry per row with
 * the field's before and after. `value` must come from parseInlineValue (the
 * form's checks).
 */
export async function setField(ctx: EngineContext, resource: Resource, actor: Actor, editor: Editor | null, key: string, value: unknown, ids: RowId[]): Promise<WriteResult> {
  const field = resource.fieldMap.get(key);
  if (!field?.inlineEdit || !field.column) return { ok: false, message: (await engineWords()).t("write.notInBulk") };
  if (ids.length === 0) return selectRows();
  const column = field.column;
  return runWrite(ctx, { resource, actor, editor, action: "update", auditAction: "bulk:set", ids, door: "list" }, async (tx, rows) => {
    const targets: { id: RowId; before: Record<string, unknown>; changed: Set<string> }[] = [];
    let kept = 0;
    for (const { __id: id, __title: _title, ...before } of rows) {
      const values: Record<string, unknown> = { [key]: value };
      const changed = changedKeys(values, before);
      await applyFieldRules(tx, resource, editor, id, before, values, changed);
      // The update hooks see each row as the edit form would, and may refuse it or keep the field as it is.
      const refused = await resource.hooks?.beforeUpdate?.(tx, id, values, before);
      if (refused) throw new FieldErrorsThrown(refused);
      // A row that already holds the value is left as it is: no version step, no entry in the log.
      if (key in values) kept += 1;
      if (key in values && changed.has(key)) targets.push({ id, before, changed });
    }
    if (targets.length === 0) return { count: kept };
    const set: Record<string, unknown> = { [columnKey(resource, column)]: value };
    const versioned = versionColumn(resource);
    if (versioned) set[columnKey(resource, versioned)] = new Date();
    await tx.update(sqlTable(resource.table)).set(set).where(inArray(resource.id, targets.map((t) => t.id)));
    for (const { id, before, changed } of targets) {
      await resource.hooks?.afterWrite?.(tx, id, { mode: "update", before, changed });
      await ctx.audit.record(tx, actor, { action: "bulk:set", resource: resource.name, recordId: id, changes: { [key]: { before: before[key] ?? null, after: value ?? null } } });
    }
    return { count: kept };
  });
}
