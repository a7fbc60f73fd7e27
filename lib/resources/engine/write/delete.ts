import { inArray } from "drizzle-orm";
import { UserFacingError } from "../../../errors";
import type { Editor, Resource } from "../../types";
import type { Actor, EngineContext } from "../context";
import type { RowId } from "../ids";
import { sqlTable } from "../../../db/query-tables";
import { runWrite, selectRows } from "./pipeline";
import type { WriteResult } from "./result";

/** Deletes the rows `ids`, all or none: one missing or outside the editor's scope refuses the whole request. */
export function deleteRows(ctx: EngineContext, resource: Resource, actor: Actor, editor: Editor | null, ids: RowId[]): Promise<WriteResult> {
  if (ids.length === 0) return selectRows();
  return runWrite(ctx, { resource, actor, editor, action: "delete", auditAction: "delete", ids, door: "list" }, async (tx, rows) => {
    const refused = await resource.hooks?.beforeDelete?.(tx, ids);
    if (refused) throw new UserFacingError(refused);
    for (const { __id, __title: _title, ...before } of rows) {
      const policy = editor && resource.policy ? await resource.policy(tx, editor, __id, before) : {};
      const reason = policy.readOnly ?? policy.deleteRefused;
      if (reason) throw new UserFacingError(reason);
    }
    await tx.delete(sqlTable(resource.table)).where(inArray(resource.id, ids));
    for (const row of rows) await ctx.audit.record(tx, actor, { action: "delete", resource: resource.name, recordId: row.__id, summary: String(row.__title ?? row.__id) });
    return { count: rows.length };
  });
}
