import type { Tx } from "../../../db";
import { UserFacingError } from "../../../errors";
import { fixedFields, forcedOwner, ownerField, ownerReason } from "../../scope";
import type { Editor, Resource } from "../../types";
import type { FieldErrors } from "../form";
import type { RowId } from "../ids";
import { FieldErrorsThrown } from "./result";

/**
 * The editor's field rules, one behaviour on every door (form, inline edit,
 * bulk Set field, bulk actions that change a field): a change of a field they
 * may not change is refused with the reason, never dropped in silence.
 */

export function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify([...((a as unknown[]) ?? [])].map(String).sort()) === JSON.stringify([...((b as unknown[]) ?? [])].map(String).sort());
  return (a ?? null) === (b ?? null);
}

/** The keys of `values` that change the row `before` (all on a new row; a password whenever one is given). */
export function changedKeys(values: Record<string, unknown>, before: Record<string, unknown> | undefined): Set<string> {
  return new Set(Object.keys(values).filter((k) => (k === "password" ? !!values[k] : !before || !same(values[k], before[k]))));
}

/** Choices of a many or permissions field added or removed. */
function toggled(after: unknown, prior: unknown): string[] {
  const a = new Set(((after as unknown[] | null) ?? []).map(String));
  const p = new Set(((prior as unknown[] | null) ?? []).map(String));
  return [...a].filter((v) => !p.has(v)).concat([...p].filter((v) => !a.has(v)));
}

/**
 * Inside the write transaction, with the row locked: refuses the write if it
 * changes (`changed`) a field `editor` may not change on this row (`id`
 * null: a new one). On a new row an `:own` creator is its owner: another
 * owner sent is refused. `editor` null is the operator, bound by none of them.
 */
export async function applyFieldRules(tx: Tx, resource: Resource, editor: Editor | null, id: RowId | null, before: Record<string, unknown> | undefined, values: Record<string, unknown>, changed: Set<string>): Promise<void> {
  if (!editor) return;
  const policy = (await resource.policy?.(tx, editor, id, before ?? null)) ?? {};
  if (policy.readOnly) throw new UserFacingError(policy.readOnly);
  const errors: FieldErrors = {};
  if (id !== null) for (const [key, reason] of await fixedFields(resource, editor)) if (changed.has(key)) errors[key] = reason;
  const owner = id === null ? forcedOwner(resource, editor) : undefined;
  const ownerKey = ownerField(resource)?.key;
  if (owner !== undefined && ownerKey && values[ownerKey] != null && String(values[ownerKey]) !== owner) errors[ownerKey] = await ownerReason();
  for (const [key, reason] of Object.entries(policy.locked ?? {})) if (changed.has(key)) errors[key] = reason;
  for (const [key, { isLocked, reason }] of Object.entries(policy.lockedChoices ?? {})) {
    if (key in values && toggled(values[key], before?.[key]).some(isLocked)) errors[key] = reason;
  }
  if (Object.keys(errors).length) throw new FieldErrorsThrown(errors);
}
