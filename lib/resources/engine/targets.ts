import { and, inArray } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { writeAudit, type Actor } from "../../audit";
import { getDb, writeTransaction, type Tx } from "../../db";
import { forUpdate } from "../../db/dialect";
import { UserFacingError } from "../../errors";
import type { Action } from "../../permissions";
import { withAdminGuard } from "../../users/admin-guard";
import { ownerScope, supports } from "../scope";
import type { Editor, Resource } from "../types";
import type { RowId } from "./queries";

/**
 * The door every write of the engine passes: the action must be one the
 * resource declares, and the target rows are read and locked inside the
 * transaction with the row scope in the WHERE. A row that is someone else's
 * and a row that is not there are one and the same answer.
 */

/** The one answer for "not there" and "not yours". */
export function goneMessage(resource: Resource, count: number): string {
  return count === 1 ? `This ${resource.singular.toLowerCase()} does not exist.` : `Some of the selected ${resource.label.toLowerCase()} do not exist.`;
}

/** Some of the target rows are missing or outside the editor's scope; nothing was written. */
export class NotThere extends Error {
  constructor(
    readonly ids: RowId[],
    /** The editor's scope is restricted (their own rows): the refusal is audited. */
    readonly restricted: boolean,
  ) {
    super("not there");
  }
}

/** NotThere for `ids`, audited when the editor's scope for `action` is restricted. */
export function notThere(resource: Resource, editor: Editor | null, action: Action, ids: RowId[]): NotThere {
  return new NotThere(ids, !!editor && ownerScope(resource, editor, action) !== undefined);
}

/** Runs `fn` in one write transaction, refusing an action the resource does not declare (e.g. any write to the audit log). */
export function writeThrough<T>(resource: Resource, action: Action, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (!supports(resource, action)) return Promise.reject(new UserFacingError(`${resource.label} cannot be changed that way.`));
  const db = getDb();
  return resource.guardAdmins ? withAdminGuard(db, fn) : writeTransaction(db, fn);
}

/** The WHERE that limits a write to the rows `editor` may `action` (none for a trusted caller). */
export function rowScope(resource: Resource, editor: Editor | null, action: Action) {
  return and(resource.scope?.(), editor ? ownerScope(resource, editor, action) : undefined);
}

/**
 * Inside the write transaction: reads `columns` of the rows `ids` that
 * `editor` may `action`, locking them until commit, in id order (so that two
 * such writers cannot deadlock). Throws NotThere unless every id is among them.
 */
export async function lockTargets<C extends Record<string, SQLiteColumn>>(tx: Tx, resource: Resource, editor: Editor | null, action: Action, ids: RowId[], columns: C): Promise<Record<keyof C | "__id", unknown>[]> {
  const query = tx
    .select({ ...columns, __id: resource.id })
    .from(resource.table)
    .where(and(inArray(resource.id, ids), rowScope(resource, editor, action)))
    .orderBy(resource.id);
  const rows = (await forUpdate(query)) as Record<keyof C | "__id", unknown>[];
  const found = new Set(rows.map((r) => String(r.__id)));
  const missing = ids.filter((id) => !found.has(String(id)));
  if (missing.length) throw notThere(resource, editor, action, missing);
  return rows;
}

/**
 * The answer to a NotThere: the same message whatever the reason. Under a
 * restricted scope the attempt is logged as `denied` (in a transaction of its
 * own: the refused one was rolled back), for a missing row as for someone else's.
 */
export async function refuseAsGone(resource: Resource, actor: Actor, action: string, error: NotThere, count: number): Promise<{ ok: false; message: string; notFound: true }> {
  if (error.restricted) {
    await writeTransaction(getDb(), async (tx) => {
      for (const id of error.ids) await writeAudit(tx, actor, { action: "denied", resource: resource.name, recordId: id, summary: `${action}: not within the user's records` });
    });
  }
  return { ok: false, message: goneMessage(resource, count), notFound: true };
}
