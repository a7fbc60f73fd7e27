import { eq, getTableColumns, type Column } from "drizzle-orm";
import type { Tx } from "../../db";
import { UserFacingError } from "../../errors";
import { can, type Permission } from "../../permissions";
import type { Viewer } from "../scope";
import type { Resource } from "../types";
import type { AuditPort } from "./context";
import type { RowId } from "./ids";
import { sqlColumn, sqlTable } from "../../db/query-tables";
import { openVersion, signVersion, versionText } from "./version-token";

/**
 * Optimistic concurrency for edit forms. A record's version is its
 * `updatedAt` (milliseconds): the edit form carries the version it was read
 * at, signed by the server (version-token.ts), and a save is refused inside
 * the write transaction when the row has moved on since, so nobody reverts
 * someone else's change without knowing.
 */

/** The column that versions a resource's rows, if its table has one. */
export function versionColumn(resource: Resource): Column | undefined {
  return (getTableColumns(resource.table) as Record<string, Column>).updatedAt;
}

/** A stale save: says who changed the record and which fields; `version` is the current one (signed). */
export class EditConflict extends Error {
  constructor(
    message: string,
    readonly version: string,
  ) {
    super(message);
  }
}

/** A version the server did not hand out for this record (forged, copied from another record, or missing). */
export const INVALID_FORM = "This form is no longer valid. Reload the page and make your change again.";

// Audit entries are stamped by the database a moment after the row's version;
// a margin keeps the write the form was read at out of "what changed since".
const CLOCK_MARGIN_MS = 50;

const FORM_TAIL = " after you opened this form. Nothing was saved; your entries are kept below. Check them and save again to overwrite.";

/** Whether `viewer` may read who did what: e-mail addresses are on the users list and in the audit log. */
function maySeeActors(viewer: Viewer | null): boolean {
  return !viewer || ["users:view", "audit:view"].some((p) => can(viewer.access, p as Permission));
}

/** Who changed what since `since`: only names and fields `viewer` may see (the resource is the viewer's copy). */
async function describeChanges(audit: AuditPort, tx: Tx, resource: Resource, viewer: Viewer | null, id: RowId, since: number): Promise<string> {
  const entries = await audit.changesSince(tx, resource.name, id, new Date(since + CLOCK_MARGIN_MS));
  const shown = (e: (typeof entries)[number]) => (maySeeActors(viewer) || e.actorId === viewer?.id ? e.actor : null);
  const named = [...new Set(entries.map(shown).filter((n): n is string => !!n))];
  const who = named.length && entries.some((e) => !shown(e)) ? [...named, "someone else"] : named;
  const fields = [...new Set(entries.flatMap((e) => Object.keys(e.changes ?? {})))].flatMap((k) => resource.fieldMap.get(k)?.label ?? []);
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
 * Inside the write transaction, with the row locked: refuses the save unless
 * `token` is a version the server signed for this record (else INVALID_FORM,
 * also for a request without one) and the row is still at that version.
 */
export async function checkVersion(audit: AuditPort, tx: Tx, resource: Resource, viewer: Viewer | null, id: RowId, token: string | null): Promise<void> {
  const column = versionColumn(resource);
  if (!column) return;
  const expected = openVersion(resource.name, id, token);
  if (expected === null) throw new UserFacingError(INVALID_FORM);
  const [row] = (await tx.select({ v: sqlColumn(column) }).from(sqlTable(resource.table)).where(eq(resource.id, id))) as { v: unknown }[];
  const current = versionText(row?.v);
  if (!current || current === expected) return;
  throw new EditConflict(await describeChanges(audit, tx, resource, viewer, id, Number(expected)), signVersion(resource.name, id, current));
}
