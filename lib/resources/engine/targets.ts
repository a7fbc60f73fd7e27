import { and, inArray, type Column } from "drizzle-orm";
import type { Tx } from "../../db";
import { forUpdate } from "../../db/dialect";
import type { Action } from "../../permissions";
import { ownerScope } from "../scope";
import type { Editor, Resource } from "../types";
import type { RowId } from "./ids";
import { sqlColumn, sqlFields, sqlTable } from "../../db/query-tables";
import { engineWords } from "./words";

/**
 * The target rows of a write: read and locked inside the transaction with
 * the row scope in the WHERE. A row that is someone else's and a row that is
 * not there are one and the same answer (see write/result.ts).
 */

/** The one answer for "not there" and "not yours". */
export async function goneMessage(resource: Pick<Resource, "singular" | "label">, count: number): Promise<string> {
  const { t, noun } = await engineWords();
  return t("write.gone", { count, singular: noun(resource.singular), plural: noun(resource.label) });
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

/** The WHERE that limits a write to the rows `editor` may `action` (none for a trusted caller). */
export function rowScope(resource: Resource, editor: Editor | null, action: Action) {
  return and(resource.scope?.(), editor ? ownerScope(resource, editor, action) : undefined);
}

/** The column fields of a resource, by field key: what a locked read gives as a row's "before". */
export function columnFields(resource: Resource): Record<string, Column> {
  const columns: Record<string, Column> = {};
  for (const f of resource.fields) if (f.column) columns[f.key] = f.column;
  return columns;
}

export type TargetRow = Record<string, unknown> & { __id: RowId; __title: unknown };

/**
 * Inside the write transaction: reads the column fields of the rows `ids`
 * that `editor` may `action`, locking them until commit, in id order (so that
 * two such writers cannot deadlock). Throws NotThere unless every id is among them.
 */
export async function lockTargets(tx: Tx, resource: Resource, editor: Editor | null, action: Action, ids: RowId[]): Promise<TargetRow[]> {
  const query = tx
    .select(sqlFields({ ...columnFields(resource), __id: resource.id, __title: resource.title }))
    .from(sqlTable(resource.table))
    .where(and(inArray(resource.id, ids), rowScope(resource, editor, action)))
    .orderBy(sqlColumn(resource.id));
  const rows = (await forUpdate(query)) as TargetRow[];
  const found = new Set(rows.map((r) => String(r.__id)));
  const missing = ids.filter((id) => !found.has(String(id)));
  if (missing.length) throw new NotThere(missing, !!editor && ownerScope(resource, editor, action) !== undefined);
  return rows;
}
