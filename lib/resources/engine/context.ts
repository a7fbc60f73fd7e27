import { getDb, type Db, type Tx } from "../../db";
import type { Resource } from "../types";
import type { RowId } from "./ids";

/**
 * What the engine is given rather than imports: the resources it serves (so
 * references and related records find their targets) and the audit log, as a
 * port. The composition root (lib/resources/panel.ts) wires the real ones.
 */

/** Who is acting: a signed-in user, or the operator (CLI, seed). */
export interface Actor {
  id: string | null;
  email: string | null;
  address: string | null;
}

export type Changes = Record<string, { before: unknown; after: unknown }>;

export interface AuditEntry {
  action: string;
  resource?: string;
  recordId?: RowId | null;
  summary?: string;
  changes?: Changes;
}

/** One audit entry of a record, as a conflict message tells it. */
export interface ChangeEntry {
  actorId: string | null;
  actor: string | null;
  changes: Changes | null;
}

export interface AuditPort {
  /** Appends one entry inside the transaction of the change it records. */
  record(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void>;
  /** Who changed record `id` of `resource` after `since`, oldest first (at most 20). */
  changesSince(tx: Tx, resource: string, id: RowId, since: Date): Promise<ChangeEntry[]>;
}

export interface Registry {
  get(name: string): Resource | undefined;
  readonly all: readonly Resource[];
}

export interface EngineDeps {
  resources: readonly Resource[];
  audit: AuditPort;
  /** The database it writes to; the app's by default. The CLI and seed are given theirs. */
  db?: () => Db;
}

/** What every engine function that needs more than its resource receives. */
export interface EngineContext {
  registry: Registry;
  audit: AuditPort;
  db: () => Db;
}

export function engineContext(deps: EngineDeps): EngineContext {
  const byName = new Map(deps.resources.map((r) => [r.name, r]));
  return { registry: { get: (name) => byName.get(name), all: deps.resources }, audit: deps.audit, db: deps.db ?? getDb };
}
