import { eq } from "drizzle-orm";
import type { Tx } from "../../../db";
import { columnKey } from "../../define";
import { forcedOwner } from "../../scope";
import type { Editor, Resource, WriteContext } from "../../types";
import type { Actor, Changes, EngineContext, Registry } from "../context";
import type { RowId } from "../ids";
import { checkReferences, columnValues, writeMany } from "../references";
import { sqlColumn, sqlTable } from "../../../db/query-tables";
import type { TargetRow } from "../targets";
import { checkVersion, versionColumn } from "../version";
import { applyFieldRules, changedKeys, same } from "./field-rules";
import { runWrite } from "./pipeline";
import { FieldErrorsThrown, type WriteResult } from "./result";

/** The locked row as the form sees it: column fields plus many-to-many ids. */
async function beforeOf(tx: Tx, resource: Resource, row: TargetRow): Promise<Record<string, unknown>> {
  const { __id, __title: _title, ...before } = row;
  for (const field of resource.fields) {
    if (field.type !== "many" || !field.many) continue;
    before[field.key] = (await tx.select({ id: sqlColumn(field.many.right) }).from(sqlTable(field.many.through)).where(eq(field.many.left, __id))).map((r) => r.id);
  }
  return before;
}

/**
 * Before/after of the changed fields, for the audit log (secrets are redacted
 * there): a field a hook set back to its stored value is no change.
 */
function changesOf(values: Record<string, unknown>, before: Record<string, unknown> | undefined, changed: Set<string>): Changes {
  const out: Changes = {};
  for (const key of changed) {
    if (before && key !== "password" && same(values[key], before[key])) continue;
    out[key] = { before: before?.[key] ?? null, after: values[key] ?? null };
  }
  return out;
}

/** The row to insert or set: column values, the hook's extra columns, the forced owner and a new version. */
function rowOf(registry: Registry, resource: Resource, editor: Editor | null, id: RowId | null, values: Record<string, unknown>, extra: Record<string, unknown> | undefined): Record<string, unknown> {
  const row = { ...columnValues(registry, resource, values), ...extra };
  // With only `create:own`, the owner column is the creator's (also with no owner field in the form).
  const owner = id === null && editor ? forcedOwner(resource, editor) : undefined;
  if (owner !== undefined && resource.owner) row[columnKey(resource, resource.owner)] = owner;
  // Every save moves the version on, also one that changes only a many-to-many field.
  const versioned = versionColumn(resource);
  if (id !== null && versioned) row[columnKey(resource, versioned)] = new Date();
  return row;
}

/** What only the operator (editor null) may ask of a save; ignored for a panel user. */
export interface OperatorOptions {
  /** The audit entry's action instead of "create"/"update" (e.g. "password-change"). */
  auditAction?: string;
  /** Passed to the resource's hooks as `ctx.operator` (e.g. the seed's demo passwords). */
  hooks?: Record<string, unknown>;
  /** Columns that are no form field (two-factor state), set in the same UPDATE as the values. */
  columns?: Record<string, unknown>;
  /** The audit entry's summary (e.g. the user's email on a reset). */
  auditSummary?: string;
  /** Writes the record's other tables in the same transaction, once its row is locked (a new record: once inserted); throwing refuses the write. */
  inTransaction?: (tx: Tx, id: RowId) => Promise<void>;
}

/**
 * Creates (id null) or updates one record from a form's values. `version`:
 * the record's version the form was read at (see engine/version.ts); the
 * operator may give none.
 */
export async function save(ctx: EngineContext, resource: Resource, actor: Actor, editor: Editor | null, id: RowId | null, submitted: Record<string, unknown>, version: string | null, options: OperatorOptions = {}): Promise<WriteResult> {
  const mode = id === null ? "create" : "update";
  const operator = editor ? {} : options;
  const auditAction = operator.auditAction ?? mode;
  const request = { resource, actor, editor, action: mode, auditAction, ids: id === null ? [] : [id], door: "form" } as const;
  // Outside the write lock: only the submitted values, before any stored row is read.
  const input = await resource.hooks?.input?.({ ...submitted });
  return runWrite(ctx, request, async (tx, [locked]) => {
    const before = locked ? await beforeOf(tx, resource, locked) : undefined;
    const values = { ...submitted };
    const changed = changedKeys(values, before);
    await applyFieldRules(tx, resource, editor, id, before, values, changed);
    const context: WriteContext = { mode, before, changed, input, operator: operator.hooks };
    const prepared = (await resource.hooks?.prepare?.(values, context)) ?? {};
    if (prepared.errors) throw new FieldErrorsThrown(prepared.errors);
    if (id !== null) {
      const refused = await resource.hooks?.beforeUpdate?.(tx, id, values, before!);
      if (refused) throw new FieldErrorsThrown(refused);
      if (editor || version !== null) await checkVersion(ctx.audit, tx, resource, editor, id, version);
      await operator.inTransaction?.(tx, id);
    }
    const refErrors = await checkReferences(ctx.registry, tx, resource, editor, values, changed);
    if (Object.keys(refErrors).length) throw new FieldErrorsThrown(refErrors);
    const changes = changesOf(values, before, changed);
    // A form saved as it was read changes nothing: no write, no version step, no entry in the log.
    if (id !== null && auditAction === "update" && !Object.keys(changes).length && !Object.keys({ ...prepared.columns, ...operator.columns }).length && !operator.inTransaction) return { id, count: 1 };
    const row = rowOf(ctx.registry, resource, editor, id, values, { ...prepared.columns, ...operator.columns });
    let rowId = id;
    if (rowId === null) {
      const [inserted] = (await tx.insert(sqlTable(resource.table)).values(row).returning({ id: sqlColumn(resource.id) })) as { id: RowId }[];
      rowId = inserted!.id;
    } else if (Object.keys(row).length) {
      // The locked read found this row within the editor's scope, and it stays locked until commit.
      await tx.update(sqlTable(resource.table)).set(row).where(eq(resource.id, rowId));
    }
    for (const field of resource.fields) {
      if (field.type === "many" && Array.isArray(values[field.key]) && (id === null || changed.has(field.key))) await writeMany(ctx.registry, tx, field, rowId, values[field.key] as unknown[]);
    }
    // A new record's other tables, once it exists (an update's ran above, before its row was written).
    if (id === null) await operator.inTransaction?.(tx, rowId);
    await resource.hooks?.afterWrite?.(tx, rowId, context);
    await ctx.audit.record(tx, actor, { action: auditAction, resource: resource.name, recordId: rowId, summary: operator.auditSummary, changes });
    return { id: rowId, count: 1 };
  });
}
