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
import { engineWords, type Words } from "./words";

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

/**
 * A stale save: says who changed the record and which fields, worded for the
 * form (`message`) and for a value edited in a list; `version` is the current one (signed).
 */
export class EditConflict extends Error {
  constructor(
    message: string,
    readonly listMessage: string,
    readonly version: string,
  ) {
    super(message);
  }
}

// Audit entries are stamped by the database a moment after the row's version;
// a margin keeps the write the form was read at out of "what changed since".
const CLOCK_MARGIN_MS = 50;

/** Whether `viewer` may read who did what: e-mail addresses are on the users list and in the audit log. */
function maySeeActors(viewer: Viewer | null): boolean {
  return !viewer || ["users:view", "audit:view"].some((p) => can(viewer.access, p as Permission));
}

/**
 * The conflict's two messages, for the form and for a list: `named` are the
 * people the viewer may see (`others`: someone they may not), `fields` the
 * labels of the fields changed.
 */
export function conflictMessages({ t, noun, and, list }: Words, singular: string, named: string[], others: boolean, fields: string[]): { form: string; list: string } {
  const who = named.length ? (others ? [...named, t("conflict.someone")] : named) : [t("conflict.someoneAlone")];
  const values = { who: and(who), count: who.length, singular: noun(singular), fields: fields.length ? t("conflict.fields", { fields: list(fields) }) : "" };
  return { form: t("conflict.form", values), list: t("conflict.list", values) };
}

/** Who changed what since `since`: only names and fields `viewer` may see (the resource is the viewer's copy). */
async function describeChanges(audit: AuditPort, tx: Tx, resource: Resource, viewer: Viewer | null, id: RowId, since: number): Promise<{ form: string; list: string }> {
  const entries = await audit.changesSince(tx, resource.name, id, new Date(since + CLOCK_MARGIN_MS));
  const shown = (e: (typeof entries)[number]) => (maySeeActors(viewer) || e.actorId === viewer?.id ? e.actor : null);
  const named = [...new Set(entries.map(shown).filter((n): n is string => !!n))];
  const fields = [...new Set(entries.flatMap((e) => Object.keys(e.changes ?? {})))].flatMap((k) => resource.fieldMap.get(k)?.label ?? []);
  return conflictMessages(await engineWords(), resource.singular, named, entries.some((e) => !shown(e)), fields);
}

/**
 * Inside the write transaction, with the row locked: refuses the save unless
 * `token` is a version the server signed for this record (else "This form is
 * no longer valid", also for a request without one: forged, copied from
 * another record, or missing) and the row is still at that version.
 */
export async function checkVersion(audit: AuditPort, tx: Tx, resource: Resource, viewer: Viewer | null, id: RowId, token: string | null): Promise<void> {
  const column = versionColumn(resource);
  if (!column) return;
  const expected = openVersion(resource.name, id, token);
  if (expected === null) throw new UserFacingError((await engineWords()).t("conflict.invalidForm"));
  const [row] = (await tx.select({ v: sqlColumn(column) }).from(sqlTable(resource.table)).where(eq(resource.id, id))) as { v: unknown }[];
  const current = versionText(row?.v);
  if (!current || current === expected) return;
  const { form, list } = await describeChanges(audit, tx, resource, viewer, id, Number(expected));
  throw new EditConflict(form, list, signVersion(resource.name, id, current));
}
