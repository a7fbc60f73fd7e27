import { writeTransaction, type Tx } from "../../../db";
import { UserFacingError } from "../../../errors";
import type { Action } from "../../../permissions";
import { supports } from "../../scope";
import type { Editor, Resource } from "../../types";
import type { Actor, EngineContext } from "../context";
import type { RowId } from "../ids";
import { lockTargets, type TargetRow } from "../targets";
import { engineWords } from "../words";
import { refusal, type Door, type WriteResult } from "./result";

/**
 * The one write pipeline. Every write of the engine (form save, inline edit,
 * delete, bulk actions, bulk Set field) is a step run here, inside one
 * transaction that:
 * 1. refuses an action the resource does not declare (any write to the audit log);
 * 2. holds the resource's guard lock and takes its "before" (the last admin);
 * 3. reads and locks the target rows with the row scope in the WHERE, once:
 *    what it finds is the rows' "before" for everything after;
 * 4. runs the step (field rules, version, hooks, the write, the audit entry);
 * 5. runs the guard's check, rolling everything back on a refusal.
 * Any refusal becomes the one result in write/result.ts.
 */

export interface WriteRequest {
  resource: Resource;
  actor: Actor;
  /** Null for the operator (CLI, seed), who is bound by no row scope or delegation rule. */
  editor: Editor | null;
  /** The declared action it needs, which also picks the row scope. */
  action: Action;
  /** What the audit log calls it ("update", "bulk:set"). */
  auditAction: string;
  /** The target rows; none for a create. */
  ids: RowId[];
  door: Door;
}

export type WriteStep = (tx: Tx, rows: TargetRow[]) => Promise<{ count: number; id?: RowId }>;

/** The answer to a list write with no row selected. */
export async function selectRows(): Promise<WriteResult> {
  return { ok: false, message: (await engineWords()).t("write.selectRows") };
}

export async function runWrite(ctx: EngineContext, request: WriteRequest, step: WriteStep): Promise<WriteResult> {
  const { resource, editor, action, ids } = request;
  if (!supports(resource, action)) return { ok: false, message: (await engineWords()).t("write.unsupported", { resource: resource.label }) };
  const guard = resource.hooks?.guard;
  try {
    const done = await writeTransaction(
      ctx.db(),
      async (tx) => {
        const check = guard ? await guard.before(tx) : null;
        const rows = ids.length ? await lockTargets(tx, resource, editor, action, ids) : [];
        const result = await step(tx, rows);
        const refused = check ? await check(tx) : null;
        if (refused) throw new UserFacingError(refused);
        return result;
      },
      { lock: guard?.lock },
    );
    return { ok: true, ...done };
  } catch (error) {
    return refusal(ctx, resource, request.actor, request.auditAction, error, Math.max(ids.length, 1), request.door);
  }
}
