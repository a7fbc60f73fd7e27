import { and, eq, inArray } from "drizzle-orm";
import { writeAudit, type Actor, type Changes } from "../../audit";
import { constraintViolation } from "../../db/dialect";
import { UserFacingError } from "../../errors";
import type { Tx } from "../../db";
import { columnKey } from "../define";
import { fixedFields, forcedOwner, ownerField } from "../scope";
import type { Editor, Resource, WriteContext } from "../types";
import type { FieldErrors } from "./form";
import { getRecord, type RowId } from "./queries";
import { checkReferences, columnValues, writeMany } from "./references";
import { lockTargets, NotThere, notThere, refuseAsGone, rowScope, writeThrough } from "./targets";
import { checkVersion, EditConflict, versionColumn } from "./version";

/**
 * Generic writes. Each runs in one transaction: a refused or failed write
 * leaves nothing behind. Expected failures come back as field errors or a
 * message; anything else is thrown.
 */

export type WriteResult = { ok: true; id: RowId } | { ok: false; fieldErrors?: FieldErrors; message?: string; version?: string; notFound?: boolean };
export type DeleteResult = { ok: true; count: number } | { ok: false; message: string };

class FieldErrorsThrown extends Error {
  constructor(readonly fieldErrors: FieldErrors) {
    super("field errors");
  }
}

export function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify([...((a as unknown[]) ?? [])].map(String).sort()) === JSON.stringify([...((b as unknown[]) ?? [])].map(String).sort());
  return (a ?? null) === (b ?? null);
}

/** The row as the form sees it (column fields plus many-to-many ids), if `editor` may update it. */
async function currentValues(resource: Resource, editor: Editor | null, id: RowId): Promise<Record<string, unknown> | undefined> {
  const record = await getRecord(resource, id, editor ?? undefined, "update");
  if (!record) return undefined;
  const before: Record<string, unknown> = { ...record.values };
  for (const [key, refs] of Object.entries(record.many)) before[key] = refs.map((r) => r.id);
  return before;
}

export function translateError(resource: Resource, error: unknown): WriteResult | null {
  if (error instanceof FieldErrorsThrown) return { ok: false, fieldErrors: error.fieldErrors };
  if (error instanceof UserFacingError) return { ok: false, message: error.message, fieldErrors: error.field ? { [error.field]: error.message } : undefined };
  const violation = constraintViolation(error);
  if (!violation) return null;
  const field = resource.fields.find((f) => f.column && violation.columns.includes(f.column.name));
  if (violation.kind === "unique" && field) return { ok: false, fieldErrors: { [field.key]: `${field.label} is already in use.` } };
  if (violation.kind === "foreign-key") return { ok: false, message: "This record is referenced by other records and cannot be changed that way." };
  return { ok: false, message: "The values break a rule of the database.", fieldErrors: field ? { [field.key]: `${field.label} is not valid.` } : undefined };
}

/**
 * The resource's delegation rules, checked inside the write transaction so
 * that a forged request is refused whatever the form showed. `editor` is null
 * for the operator (CLI, seed), who is not bound by them.
 */
async function enforcePolicy(tx: Tx, resource: Resource, editor: Editor | null, id: RowId | null, before: Record<string, unknown> | undefined, values: Record<string, unknown>, changed: Set<string>): Promise<void> {
  if (!editor || !resource.policy) return;
  const policy = await resource.policy(tx, editor, id, before ?? null);
  if (policy.readOnly) throw new UserFacingError(policy.readOnly);
  const errors: FieldErrors = {};
  for (const [key, reason] of Object.entries(policy.locked ?? {})) if (changed.has(key)) errors[key] = reason;
  for (const [key, { isLocked, reason }] of Object.entries(policy.lockedChoices ?? {})) {
    if (!(key in values)) continue;
    const after = new Set(((values[key] as unknown[] | null) ?? []).map(String));
    const prior = new Set(((before?.[key] as unknown[] | null) ?? []).map(String));
    const toggled = [...after].filter((v) => !prior.has(v)).concat([...prior].filter((v) => !after.has(v)));
    if (toggled.some(isLocked)) errors[key] = reason;
  }
  if (Object.keys(errors).length) throw new FieldErrorsThrown(errors);
}

export async function refuseRows(tx: Tx, resource: Resource, editor: Editor | null, ids: RowId[], what: "delete" | string): Promise<void> {
  if (!editor || !resource.policy) return;
  for (const id of ids) {
    const policy = await resource.policy(tx, editor, id, null);
    const reason = policy.readOnly ?? (what === "delete" ? policy.deleteRefused : policy.locked?.[what]);
    if (reason) throw new UserFacingError(reason);
  }
}

/** Before/after of the changed fields, for the audit log (secrets are redacted there). */
function changesOf(values: Record<string, unknown>, before: Record<string, unknown> | undefined, changed: Set<string>): Changes {
  const out: Changes = {};
  for (const key of changed) out[key] = { before: before?.[key] ?? null, after: values[key] ?? null };
  return out;
}

/**
 * The editor's field rules (scope.ts): on an existing record, values of the
 * fields they may not change are dropped, not refused (the form showed them
 * read-only); on a new one, an `:own` creator becomes its owner whatever was sent.
 */
function applyFieldRules(resource: Resource, editor: Editor | null, id: RowId | null, values: Record<string, unknown>): Record<string, unknown> {
  if (!editor) return values;
  const out = { ...values };
  if (id !== null) for (const key of fixedFields(resource, editor).keys()) delete out[key];
  const owner = id === null ? forcedOwner(resource, editor) : undefined;
  const field = ownerField(resource);
  if (owner !== undefined && field) out[field.key] = owner;
  return out;
}

async function save(resource: Resource, actor: Actor, editor: Editor | null, id: RowId | null, submitted: Record<string, unknown>, version: string | null = null): Promise<WriteResult> {
  const values = applyFieldRules(resource, editor, id, submitted);
  // Read before the transaction for the prepare hook (it may hash a password); read again, locked, inside it.
  const before = id === null ? undefined : await currentValues(resource, editor, id);
  if (id !== null && !before) return refuseAsGone(resource, actor, "update", notThere(resource, editor, "update", [id]), 1);
  const changed = new Set(Object.keys(values).filter((k) => (k === "password" ? !!values[k] : !before || !same(values[k], before[k]))));
  const ctx: WriteContext = { mode: id === null ? "create" : "update", before, changed };
  const prepared = (await resource.hooks?.prepare?.(values, ctx)) ?? {};
  if (prepared.errors) return { ok: false, fieldErrors: prepared.errors };
  try {
    const savedId = await writeThrough(resource, ctx.mode, async (tx) => {
      if (id !== null) {
        await lockTargets(tx, resource, editor, "update", [id], {});
        const refused = await resource.hooks?.beforeUpdate?.(tx, id, values, before!);
        if (refused) throw new FieldErrorsThrown(refused);
      }
      await enforcePolicy(tx, resource, editor, id, before, values, changed);
      if (id !== null) await checkVersion(tx, resource, editor, id, version);
      const refErrors = await checkReferences(tx, resource, editor, values, changed);
      if (Object.keys(refErrors).length) throw new FieldErrorsThrown(refErrors);
      const row = { ...columnValues(resource, values), ...prepared.columns };
      // With only `create:own` and no owner field in the form, the owner column is set directly.
      const owner = id === null && editor ? forcedOwner(resource, editor) : undefined;
      if (owner !== undefined && resource.owner) row[columnKey(resource, resource.owner)] = owner;
      // Every save moves the version on, also one that changes only a many-to-many field.
      const versioned = versionColumn(resource);
      if (id !== null && versioned) row[columnKey(resource, versioned)] = new Date();
      let rowId: RowId;
      if (id === null) {
        const [inserted] = (await tx.insert(resource.table).values(row).returning({ id: resource.id })) as { id: RowId }[];
        rowId = inserted!.id;
      } else {
        if (Object.keys(row).length) await tx.update(resource.table).set(row).where(and(eq(resource.id, id), rowScope(resource, editor, "update")));
        rowId = id;
      }
      for (const field of resource.fields) {
        if (field.type === "many" && Array.isArray(values[field.key]) && (id === null || changed.has(field.key))) await writeMany(tx, field, rowId, values[field.key] as unknown[]);
      }
      await resource.hooks?.afterWrite?.(tx, rowId, ctx);
      await writeAudit(tx, actor, { action: ctx.mode, resource: resource.name, recordId: rowId, changes: changesOf(values, before, changed) });
      return rowId;
    });
    return { ok: true, id: savedId };
  } catch (error) {
    if (error instanceof EditConflict) return { ok: false, message: error.message, version: error.version };
    if (error instanceof NotThere) return refuseAsGone(resource, actor, "update", error, 1);
    const translated = translateError(resource, error);
    if (translated) return translated;
    throw error;
  }
}

export function createRecord(resource: Resource, actor: Actor, editor: Editor | null, values: Record<string, unknown>): Promise<WriteResult> {
  return save(resource, actor, editor, null, values);
}

/** `version`: the record's version the form was read at (see engine/version.ts). */
export function updateRecord(resource: Resource, actor: Actor, editor: Editor | null, id: RowId, values: Record<string, unknown>, version: string | null): Promise<WriteResult> {
  return save(resource, actor, editor, id, values, version);
}

/** Deletes the rows `ids`, all or none: one missing or outside the editor's scope refuses the whole request. */
export async function deleteRecords(resource: Resource, actor: Actor, editor: Editor | null, ids: RowId[]): Promise<DeleteResult> {
  if (ids.length === 0) return { ok: false, message: "Select at least one row." };
  try {
    const count = await writeThrough(resource, "delete", async (tx) => {
      const rows = await lockTargets(tx, resource, editor, "delete", ids, { title: resource.title });
      const refused = await resource.hooks?.beforeDelete?.(tx, ids);
      if (refused) throw new UserFacingError(refused);
      await refuseRows(tx, resource, editor, ids, "delete");
      const deleted = await tx.delete(resource.table).where(and(inArray(resource.id, ids), rowScope(resource, editor, "delete"))).returning({ id: resource.id });
      for (const row of rows) await writeAudit(tx, actor, { action: "delete", resource: resource.name, recordId: row.__id as RowId, summary: String(row.title ?? row.__id) });
      return deleted.length;
    });
    return { ok: true, count };
  } catch (error) {
    return refused(resource, actor, "delete", error, ids.length);
  }
}

/** A refused bulk write as a DeleteResult: gone rows, or a rule's message; anything else is thrown. */
export async function refused(resource: Resource, actor: Actor, action: string, error: unknown, count: number): Promise<DeleteResult> {
  if (error instanceof NotThere) return refuseAsGone(resource, actor, action, error, count);
  const translated = translateError(resource, error);
  if (translated && !translated.ok) return { ok: false, message: translated.message ?? Object.values(translated.fieldErrors ?? {})[0] ?? "Refused." };
  throw error;
}
