import { and, asc, eq, getTableColumns, gt } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Tx } from "../../db";
import { lockRowForUpdate } from "../../db/dialect";
import { auditLog } from "../../db/schema";
import type { Resource } from "../types";
import type { RowId } from "./queries";

/**
 * Optimistic concurrency for edit forms. A record's version is its
 * `updatedAt` (milliseconds): the edit form carries the version it was read
 * at, and a save is refused inside the write transaction when the row has
 * moved on since, so nobody reverts someone else's change without knowing.
 */

/** The column that versions a resource's rows, if its table has one. */
export function versionColumn(resource: Resource): SQLiteColumn | undefined {
  return (getTableColumns(resource.table) as Record<string, SQLiteColumn>).updatedAt;
}

/** The version as the form carries it. */
export function versionText(value: unknown): string | undefined {
  return value instanceof Date ? String(value.getTime()) : undefined;
}

/** A stale save: says who changed the record and which fields; `version` is the current one. */
export class EditConflict extends Error {
  constructor(
    message: string,
    readonly version: string,
  ) {
    super(message);
  }
}

// Audit entries are stamped by the database a moment after the row's version;
// a margin keeps the write the form was read at out of "what changed since".
const CLOCK_MARGIN_MS = 50;

const FORM_TAIL = " after you opened this form. Nothing was saved; your entries are kept below. Check them and save again to overwrite.";

async function describeChanges(tx: Tx, resource: Resource, id: RowId, since: number): Promise<string> {
  const entries = await tx
    .select({ actor: auditLog.actorEmail, action: auditLog.action, changes: auditLog.changes })
    .from(auditLog)
    .where(and(eq(auditLog.resource, resource.name), eq(auditLog.recordId, String(id)), gt(auditLog.at, new Date(since + CLOCK_MARGIN_MS))))
    .orderBy(asc(auditLog.at), asc(auditLog.id))
    .limit(20);
  const who = [...new Set(entries.map((e) => e.actor ?? "someone"))];
  const fields = [...new Set(entries.flatMap((e) => Object.keys(e.changes ?? {})))].map((k) => resource.fieldMap.get(k)?.label ?? k);
  const head = who.length ? `${who.join(" and ")} changed this ${resource.singular.toLowerCase()}` : `Someone else changed this ${resource.singular.toLowerCase()}`;
  const what = fields.length ? ` (${fields.join(", ")})` : "";
  return `${head}${what}${FORM_TAIL}`;
}

/** A conflict message reworded for a value edited in a list rather than a form. */
export function listConflictMessage(message: string): string {
  const who = message.endsWith(FORM_TAIL) ? message.slice(0, -FORM_TAIL.length) : "Someone else changed this record";
  return `${who} after the list was loaded. Nothing was saved; the list now shows the current value.`;
}

/**
 * Inside the write transaction: refuses the save unless the row is still at
 * `expected`. A request without a version (a script, an old form) is refused too.
 */
export async function checkVersion(tx: Tx, resource: Resource, id: RowId, expected: string | null): Promise<void> {
  const column = versionColumn(resource);
  if (!column) return;
  // PostgreSQL: hold the row until commit, so a second save waits and then sees this one's version.
  await lockRowForUpdate(tx, resource.table, resource.id, id);
  const [row] = (await tx.select({ v: column }).from(resource.table).where(eq(resource.id, id))) as { v: unknown }[];
  const current = versionText(row?.v);
  if (!current || current === expected) return;
  const since = expected && /^\d{1,15}$/.test(expected) ? Number(expected) : 0;
  throw new EditConflict(await describeChanges(tx, resource, id, since), current);
}
