import { and, eq, inArray, sql } from "drizzle-orm";
import { writeAudit, type Actor, type Changes } from "../../audit";
import { getDb, writeTransaction } from "../../db";
import { constraintViolation, lockRowsForUpdate } from "../../db/dialect";
import { UserFacingError } from "../../errors";
import type { Tx } from "../../db";
import { withAdminGuard } from "../../users/admin-guard";
import { columnKey } from "../define";
import { getResource } from "../registry";
import type { Action } from "../../permissions";
import { fixedFields, forcedOwner, ownerField, ownerScope } from "../scope";
import type { Editor, FieldDef, Resource, WriteContext } from "../types";
import type { FieldErrors } from "./form";
import { getRecord, type RowId } from "./queries";
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

function transaction<T>(resource: Resource, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const db = getDb();
  return resource.guardAdmins ? withAdminGuard(db, fn) : writeTransaction(db, fn);
}

function targetId(resourceName: string, raw: unknown): RowId {
  const target = getResource(resourceName);
  return target?.idType === "int" && typeof raw === "string" && /^\d+$/.test(raw) ? Number(raw) : (raw as RowId);
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify([...((a as unknown[]) ?? [])].map(String).sort()) === JSON.stringify([...((b as unknown[]) ?? [])].map(String).sort());
  return (a ?? null) === (b ?? null);
}

/**
 * Rows an editor tried to change outside their scope (someone else's, under
 * an `:own` permission). The request is answered as if they did not exist, and
 * the attempt is logged as `denied`.
 */
class OutOfScope extends Error {
  constructor(readonly ids: RowId[]) {
    super("out of scope");
  }
}

/** Inside the write transaction: throws OutOfScope for those of `ids` that exist but `editor` may not `action`. */
async function checkScope(tx: Tx, resource: Resource, editor: Editor | null, action: Action, ids: RowId[]): Promise<void> {
  const restrict = editor ? ownerScope(resource, editor, action) : undefined;
  if (!restrict) return;
  // CASE, not NOT(...): a row with no owner is nobody's own, and NOT(NULL = me) would let it through.
  const rows = (await tx
    .select({ id: resource.id, ok: sql<number>`case when ${restrict} then 1 else 0 end` })
    .from(resource.table)
    .where(inArray(resource.id, ids))) as { id: RowId; ok: number | string }[];
  const outside = rows.filter((r) => Number(r.ok) !== 1).map((r) => r.id);
  if (outside.length) throw new OutOfScope(outside);
}

/** Logs a refused out-of-scope write, in a transaction of its own (the refused one was rolled back). */
async function logDenied(resource: Resource, actor: Actor, action: string, ids: RowId[]): Promise<void> {
  await writeTransaction(getDb(), async (tx) => {
    for (const id of ids) await writeAudit(tx, actor, { action: "denied", resource: resource.name, recordId: id, summary: `${action}: not within the user's records` });
  });
}

function notFoundMessage(resource: Resource, count: number): string {
  return count === 1 ? `This ${resource.singular.toLowerCase()} does not exist.` : `Some of the selected ${resource.label.toLowerCase()} do not exist.`;
}

/** The row as the form sees it: column fields plus many-to-many ids. */
async function currentValues(resource: Resource, id: RowId): Promise<Record<string, unknown> | null> {
  const record = await getRecord(resource, id);
  if (!record) return null;
  const before: Record<string, unknown> = { ...record.values };
  for (const [key, refs] of Object.entries(record.many)) before[key] = refs.map((r) => r.id);
  return before;
}

async function checkReferences(tx: Tx, resource: Resource, values: Record<string, unknown>): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  for (const field of resource.fields) {
    const value = values[field.key];
    if (field.type === "reference" && field.reference && value !== null && value !== undefined) {
      const target = getResource(field.reference.resource)!;
      const found = await tx.select({ id: target.id }).from(target.table).where(eq(target.id, targetId(target.name, value))).limit(1);
      if (found.length === 0) {
        errors[field.key] = `Choose an existing ${target.singular.toLowerCase()}.`;
      }
    }
    if (field.type === "many" && field.many && Array.isArray(value) && value.length) {
      const target = getResource(field.many.resource)!;
      const ids = value.map((v) => targetId(target.name, v));
      const found = await tx.select({ id: target.id }).from(target.table).where(inArray(target.id, ids));
      if (found.length !== new Set(ids).size) errors[field.key] = `Choose existing ${target.label.toLowerCase()}.`;
    }
  }
  return errors;
}

function columnValues(resource: Resource, values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of resource.fields) {
    if (!field.column || !(field.key in values)) continue;
    const v = values[field.key];
    out[columnKey(resource, field.column)] = field.type === "reference" && field.reference && v !== null ? targetId(field.reference.resource, v) : v;
  }
  return out;
}

async function writeMany(tx: Tx, field: FieldDef, id: RowId, ids: unknown[]): Promise<void> {
  const many = field.many!;
  await tx.delete(many.through).where(eq(many.left, id));
  if (ids.length === 0) return;
  const leftKey = Object.entries(many.through).find(([, c]) => c === many.left)?.[0];
  const rightKey = Object.entries(many.through).find(([, c]) => c === many.right)?.[0];
  await tx.insert(many.through).values(ids.map((v) => ({ [leftKey!]: id, [rightKey!]: targetId(many.resource, v) })));
}

function translateError(resource: Resource, error: unknown): WriteResult | null {
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

async function refuseRows(tx: Tx, resource: Resource, editor: Editor | null, ids: RowId[], what: "delete" | string): Promise<void> {
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
  if (id !== null && editor) {
    try {
      await checkScope(getDb(), resource, editor, "update", [id]);
    } catch (error) {
      if (!(error instanceof OutOfScope)) throw error;
      await logDenied(resource, actor, "update", error.ids);
      return { ok: false, message: notFoundMessage(resource, 1), notFound: true };
    }
  }
  const before = id === null ? undefined : await currentValues(resource, id);
  if (id !== null && !before) return { ok: false, message: `This ${resource.singular.toLowerCase()} no longer exists.` };
  const changed = new Set(Object.keys(values).filter((k) => k === "password" ? !!values[k] : !before || !same(values[k], before[k])));
  const ctx: WriteContext = { mode: id === null ? "create" : "update", before: before ?? undefined, changed };
  const prepared = (await resource.hooks?.prepare?.(values, ctx)) ?? {};
  if (prepared.errors) return { ok: false, fieldErrors: prepared.errors };
  try {
    const savedId = await transaction(resource, async (tx) => {
      if (id !== null) {
        await checkScope(tx, resource, editor, "update", [id]);
        const refused = await resource.hooks?.beforeUpdate?.(tx, id, values, before!);
        if (refused) throw new FieldErrorsThrown(refused);
      }
      await enforcePolicy(tx, resource, editor, id, before ?? undefined, values, changed);
      if (id !== null) await checkVersion(tx, resource, id, version);
      const refErrors = await checkReferences(tx, resource, values);
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
        if (Object.keys(row).length) await tx.update(resource.table).set(row).where(and(eq(resource.id, id), editor ? ownerScope(resource, editor, "update") : undefined));
        rowId = id;
      }
      for (const field of resource.fields) {
        if (field.type === "many" && Array.isArray(values[field.key]) && (id === null || changed.has(field.key))) await writeMany(tx, field, rowId, values[field.key] as unknown[]);
      }
      await resource.hooks?.afterWrite?.(tx, rowId, ctx);
      await writeAudit(tx, actor, { action: ctx.mode, resource: resource.name, recordId: rowId, changes: changesOf(values, before ?? undefined, changed) });
      return rowId;
    });
    return { ok: true, id: savedId };
  } catch (error) {
    if (error instanceof EditConflict) return { ok: false, message: error.message, version: error.version };
    if (error instanceof OutOfScope) {
      await logDenied(resource, actor, "update", error.ids);
      return { ok: false, message: notFoundMessage(resource, 1), notFound: true };
    }
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

async function titles(tx: Tx, resource: Resource, ids: RowId[]): Promise<Map<RowId, string>> {
  const rows = (await tx.select({ id: resource.id, title: resource.title }).from(resource.table).where(inArray(resource.id, ids))) as { id: RowId; title: unknown }[];
  return new Map(rows.map((r) => [r.id, String(r.title ?? r.id)]));
}

export async function deleteRecords(resource: Resource, actor: Actor, editor: Editor | null, ids: RowId[]): Promise<DeleteResult> {
  if (ids.length === 0) return { ok: false, message: "Select at least one row." };
  try {
    const count = await transaction(resource, async (tx) => {
      await checkScope(tx, resource, editor, "delete", ids);
      const refused = await resource.hooks?.beforeDelete?.(tx, ids);
      if (refused) throw new UserFacingError(refused);
      await refuseRows(tx, resource, editor, ids, "delete");
      const existing = await titles(tx, resource, ids);
      const deleted = await tx
        .delete(resource.table)
        .where(and(inArray(resource.id, ids), editor ? ownerScope(resource, editor, "delete") : undefined))
        .returning({ id: resource.id });
      for (const [id, title] of existing) await writeAudit(tx, actor, { action: "delete", resource: resource.name, recordId: id, summary: title });
      return deleted.length;
    });
    return { ok: true, count };
  } catch (error) {
    if (error instanceof OutOfScope) {
      await logDenied(resource, actor, "delete", error.ids);
      return { ok: false, message: notFoundMessage(resource, ids.length) };
    }
    const translated = translateError(resource, error);
    if (translated && !translated.ok) return { ok: false, message: translated.message ?? Object.values(translated.fieldErrors ?? {})[0] ?? "Refused." };
    throw error;
  }
}

export async function runBulkAction(resource: Resource, actor: Actor, editor: Editor | null, name: string, ids: RowId[]): Promise<DeleteResult> {
  const action = resource.bulkActions?.find((a) => a.name === name);
  if (!action) return { ok: false, message: "Unknown action." };
  if (ids.length === 0) return { ok: false, message: "Select at least one row." };
  const fixed = action.field && editor ? fixedFields(resource, editor).get(action.field) : undefined;
  if (fixed) return { ok: false, message: fixed };
  try {
    const count = await transaction(resource, async (tx) => {
      await checkScope(tx, resource, editor, action.action, ids);
      if (action.field) await refuseRows(tx, resource, editor, ids, action.field);
      const existing = await titles(tx, resource, ids);
      const changed = await action.run(tx, ids);
      for (const [id, title] of existing) await writeAudit(tx, actor, { action: `bulk:${action.name}`, resource: resource.name, recordId: id, summary: title });
      return changed;
    });
    return { ok: true, count };
  } catch (error) {
    if (error instanceof OutOfScope) {
      await logDenied(resource, actor, `bulk:${action.name}`, error.ids);
      return { ok: false, message: notFoundMessage(resource, ids.length) };
    }
    if (error instanceof UserFacingError) return { ok: false, message: error.message };
    throw error;
  }
}

/**
 * The bulk "Set field…" action: sets one `inlineEdit` field to one value on
 * the rows `ids` (those that exist) in one transaction, under the resource's
 * edit policy for that field and its update hooks, moving each row's version
 * on and writing one audit entry per row with the field's before and after.
 * `value` must come from parseInlineValue (the form's checks).
 */
export async function setFieldOnRecords(resource: Resource, actor: Actor, editor: Editor | null, key: string, value: unknown, ids: RowId[]): Promise<DeleteResult> {
  const field = resource.fieldMap.get(key);
  if (!field?.inlineEdit || !field.column) return { ok: false, message: "This field cannot be set in bulk." };
  if (ids.length === 0) return { ok: false, message: "Select at least one row." };
  const fixed = editor ? fixedFields(resource, editor).get(key) : undefined;
  if (fixed) return { ok: false, message: fixed };
  const column = field.column;
  const columns: Record<string, typeof column> = { __id: resource.id };
  for (const f of resource.fields) if (f.column) columns[f.key] = f.column;
  try {
    const count = await transaction(resource, async (tx) => {
      await checkScope(tx, resource, editor, "update", ids);
      await refuseRows(tx, resource, editor, ids, key);
      await lockRowsForUpdate(tx, resource.table, resource.id, ids);
      const rows = (await tx.select(columns).from(resource.table).where(and(inArray(resource.id, ids), resource.scope?.()))) as Record<string, unknown>[];
      // The update hooks see each row as the edit form would, and may refuse it or keep the field as it is.
      const targets: { id: RowId; before: Record<string, unknown> }[] = [];
      for (const { __id, ...before } of rows) {
        const values: Record<string, unknown> = { [key]: value };
        const refused = await resource.hooks?.beforeUpdate?.(tx, __id as RowId, values, before);
        if (refused) throw new UserFacingError(refused[key] ?? Object.values(refused)[0] ?? "Refused.");
        if (key in values) targets.push({ id: __id as RowId, before });
      }
      if (targets.length === 0) return 0;
      const set: Record<string, unknown> = { [columnKey(resource, column)]: value };
      const versioned = versionColumn(resource);
      if (versioned) set[columnKey(resource, versioned)] = new Date();
      await tx.update(resource.table).set(set).where(inArray(resource.id, targets.map((t) => t.id)));
      for (const { id, before } of targets) {
        const changed = new Set(same(value, before[key]) ? [] : [key]);
        await resource.hooks?.afterWrite?.(tx, id, { mode: "update", before, changed });
        await writeAudit(tx, actor, { action: "bulk:set", resource: resource.name, recordId: id, changes: { [key]: { before: before[key] ?? null, after: value ?? null } } });
      }
      return targets.length;
    });
    return { ok: true, count };
  } catch (error) {
    if (error instanceof OutOfScope) {
      await logDenied(resource, actor, "bulk:set", error.ids);
      return { ok: false, message: notFoundMessage(resource, ids.length) };
    }
    const translated = translateError(resource, error);
    if (translated && !translated.ok) return { ok: false, message: translated.message ?? Object.values(translated.fieldErrors ?? {})[0] ?? "Refused." };
    throw error;
  }
}
