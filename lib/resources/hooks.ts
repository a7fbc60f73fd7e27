import type { Db, Tx } from "../db";
import type { Access, Action } from "../permissions";

/** What a resource definition tells the write pipeline: its bulk actions, its delegation rules and its hooks. */

export interface BulkActionDef {
  name: string;
  label: string;
  /** The permission on this resource the action needs. */
  action: Action;
  /** Runs inside the write transaction; returns how many rows changed. */
  run: (tx: Tx, ids: Array<string | number>) => Promise<number>;
  /** The field it changes, checked against the resource's edit policy for each row. */
  field?: string;
}

/** Who is writing through the panel (the CLI and seed write as the operator, without a policy). */
export interface Editor {
  id: string;
  access: Access;
}

/**
 * What one editor may not change on one record (or on a new one when the
 * record is null). The form disables these and says why; the write path
 * refuses a request that changes them anyway.
 */
export interface EditPolicy {
  /** The record may not be changed or deleted at all: the reason. */
  readOnly?: string;
  /** Fields that may not change, with the reason. */
  locked?: Record<string, string>;
  /** Choices of a many or permissions field that may be neither added nor removed, with the reason. */
  lockedChoices?: Record<string, { isLocked: (value: string) => boolean; reason: string }>;
  /** The record may be edited but not deleted: the reason. */
  deleteRefused?: string;
}

export type EditPolicyFn = (db: Db | Tx, editor: Editor, id: string | number | null, before: Record<string, unknown> | null) => Promise<EditPolicy>;

export interface WriteContext {
  mode: "create" | "update";
  /** The row as it was (update only), fields by key. */
  before?: Record<string, unknown>;
  /** Field keys whose value changes. */
  changed: Set<string>;
  /** What the resource's `input` hook computed from the submitted values, before the transaction. */
  input?: Record<string, unknown>;
  /** Options only the operator (editor null: CLI, seed) can pass; never set for a panel user. */
  operator?: Record<string, unknown>;
}

/**
 * An invariant over many rows (the last active admin) that every write of
 * the resource must keep: writes under the same `lock` run one at a time, and
 * the check after the change rolls it back with its reason.
 */
export interface WriteGuard {
  /** Transaction lock name (PostgreSQL advisory lock; SQLite serialises writes anyway). */
  lock: string;
  /** Inside the transaction, before the change: returns the check to run after it (a reason to refuse, or null). */
  before: (tx: Tx) => Promise<(tx: Tx) => Promise<string | null>>;
}

export interface ResourceHooks {
  /** Checked around every write of the resource (see WriteGuard). */
  guard?: WriteGuard;
  /**
   * Before the transaction, from the submitted values only (no stored row:
   * nothing of a row outside the editor's scope can reach it): slow work such
   * as hashing a password, so writers do not wait for it. Its result reaches
   * `prepare` as `ctx.input`, which decides whether it is written.
   */
  input?: (submitted: Record<string, unknown>) => Promise<Record<string, unknown>>;
  /** Inside the transaction, after the locked read and the field rules; returns extra column values or field errors. */
  prepare?: (values: Record<string, unknown>, ctx: WriteContext) => Promise<{ columns?: Record<string, unknown>; errors?: Record<string, string> }>;
  /** Inside the transaction, after the row is written. */
  afterWrite?: (tx: Tx, id: string | number, ctx: WriteContext) => Promise<void>;
  /** Returns a reason to refuse deleting these rows, or null. Inside the transaction. */
  beforeDelete?: (tx: Tx, ids: Array<string | number>) => Promise<string | null>;
  /** Returns a field error map to refuse an update of this row, or null. May drop keys from `values` it protects. Inside the transaction. */
  beforeUpdate?: (tx: Tx, id: string | number, values: Record<string, unknown>, before: Record<string, unknown>) => Promise<Record<string, string> | null>;
}
