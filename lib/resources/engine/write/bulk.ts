import type { Editor, Resource } from "../../types";
import type { Actor, EngineContext } from "../context";
import type { RowId } from "../ids";
import { applyFieldRules } from "./field-rules";
import { runWrite, selectRows } from "./pipeline";
import type { WriteResult } from "./result";
import { engineWords } from "../words";

/**
 * Runs one of the resource's declared bulk actions on the rows `ids`, all or
 * none: a row missing or outside the editor's scope refuses the whole request
 * with the one "does not exist" answer.
 */
export async function runBulk(ctx: EngineContext, resource: Resource, actor: Actor, editor: Editor | null, name: string, ids: RowId[]): Promise<WriteResult> {
  const action = resource.bulkActions?.find((a) => a.name === name);
  if (!action) return { ok: false, message: (await engineWords()).t("write.unknownAction") };
  if (ids.length === 0) return selectRows();
  return runWrite(ctx, { resource, actor, editor, action: action.action, auditAction: `bulk:${name}`, ids, door: "list" }, async (tx, rows) => {
    // The action sets its field to a value of its own: as a change of that field on every row.
    if (action.field) for (const { __id, __title: _title, ...before } of rows) await applyFieldRules(tx, resource, editor, __id, before, {}, new Set([action.field]));
    // The action's own write sees only these ids, which the locked read found within the editor's scope.
    const count = await action.run(tx, ids);
    for (const row of rows) await ctx.audit.record(tx, actor, { action: `bulk:${name}`, resource: resource.name, recordId: row.__id, summary: String(row.__title ?? row.__id) });
    return { count };
  });
}
