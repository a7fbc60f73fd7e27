import type { Db, Tx } from "../db";
import { auditLog } from "../db/schema";
import type { AuditAction } from "./actions";

/** Who is acting: a signed-in user, the CLI, or an anonymous visitor signing in. */
export interface Actor {
  id: string | null;
  email: string | null;
  address: string | null;
}

export type Changes = Record<string, { before: unknown; after: unknown }>;

export interface AuditEvent {
  /** One of AUDIT_ACTIONS (lib/audit/actions.ts), so that the log has a label for it. */
  action: AuditAction;
  resource?: string;
  recordId?: string | number | null;
  summary?: string;
  changes?: Changes;
}

/** Field keys whose values are never written to the log, only that they changed. */
const SECRET_KEYS = new Set(["password", "passwordHash", "securityStamp"]);

export function redactChanges(changes: Changes): Changes {
  const out: Changes = {};
  for (const [key, change] of Object.entries(changes)) {
    out[key] = SECRET_KEYS.has(key) ? { before: "(hidden)", after: "(changed)" } : change;
  }
  return out;
}

/** Appends one entry; call it inside the transaction of the change it records. */
export async function writeAudit(tx: Db | Tx, actor: Actor, event: AuditEvent): Promise<void> {
  await tx
    .insert(auditLog)
    .values({
      actorId: actor.id,
      actorEmail: actor.email,
      address: actor.address,
      action: event.action,
      resource: event.resource ?? null,
      recordId: event.recordId === undefined || event.recordId === null ? null : String(event.recordId),
      summary: event.summary?.slice(0, 500) ?? null,
      changes: event.changes ? redactChanges(event.changes) : null,
    });
}

/** The actor for changes made from the command line. */
export function cliActor(): Actor {
  const who = process.env.SUDO_USER || process.env.USER || process.env.LOGNAME || "unknown";
  return { id: null, email: `cli:${who}`, address: null };
}
