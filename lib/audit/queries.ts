import { and, desc, eq } from "drizzle-orm";
import { getDb } from "../db";
import { auditLog } from "../db/schema";

/** The newest audit entries about one record: its history. */
export function listHistory(resource: string, recordId: string | number, limit = 50) {
  return getDb()
    .select({ id: auditLog.id, at: auditLog.at, action: auditLog.action, actorEmail: auditLog.actorEmail, address: auditLog.address, changes: auditLog.changes })
    .from(auditLog)
    .where(and(eq(auditLog.resource, resource), eq(auditLog.recordId, String(recordId))))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}

export interface RecentAction {
  id: number;
  at: Date;
  action: string;
  resource: string | null;
  recordId: string | null;
  summary: string | null;
  actorEmail: string | null;
}

/**
 * The newest audit entries, of one actor (a user id) or of everyone: read in
 * index order ((actor_id, at), or at) and stopped after `limit`, however long
 * the log.
 */
export function listRecentActions(actorId: string | null, limit = 10): Promise<RecentAction[]> {
  return listRecentActionsQuery(actorId, limit);
}

/** The query of listRecentActions, not yet run (its plan is tested). */
export function listRecentActionsQuery(actorId: string | null, limit: number) {
  return getDb()
    .select({ id: auditLog.id, at: auditLog.at, action: auditLog.action, resource: auditLog.resource, recordId: auditLog.recordId, summary: auditLog.summary, actorEmail: auditLog.actorEmail })
    .from(auditLog)
    .where(actorId === null ? undefined : eq(auditLog.actorId, actorId))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}
