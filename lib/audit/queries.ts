import { and, desc, eq, inArray, isNotNull, like, or, sql } from "drizzle-orm";
import { getDb } from "../db";
import { auditLog } from "../db/schema";

const ENTRY = { id: auditLog.id, at: auditLog.at, action: auditLog.action, resource: auditLog.resource, recordId: auditLog.recordId, summary: auditLog.summary, actorEmail: auditLog.actorEmail, address: auditLog.address, changes: auditLog.changes };

/** The newest audit entries about one record: its history. */
export function listHistory(resource: string, recordId: string | number, limit = 50) {
  return getDb()
    .select(ENTRY)
    .from(auditLog)
    .where(and(eq(auditLog.resource, resource), eq(auditLog.recordId, String(recordId))))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}

/** One audit entry, for its own page. */
export async function getAuditEntry(id: number) {
  const [entry] = await getDb().select(ENTRY).from(auditLog).where(eq(auditLog.id, id)).limit(1);
  return entry ?? null;
}

export interface RecentAction {
  id: number;
  at: Date;
  action: string;
  resource: string | null;
  recordId: string | null;
  summary: string | null;
  actorEmail: string | null;
  changes: Record<string, { before: unknown; after: unknown }> | null;
}

/**
 * The action as an expression, not the column: the planner then keeps to the
 * index on time (or actor and time) and stops at the limit, instead of
 * reading every entry of an action through its index and sorting them.
 */
const actionText = sql<string>`(${auditLog.action} || '')`;

/** The actions that change records (sign-ins and other account events are not "Recent actions"). */
const DATA_ACTIONS = ["create", "update", "delete", "role-change"];

/**
 * The newest changes of records, of one actor (a user id) or of everyone:
 * read in index order ((actor_id, at), or at) and stopped after `limit`.
 */
export function listRecentActions(actorId: string | null, limit = 10): Promise<RecentAction[]> {
  return listRecentActionsQuery(actorId, limit);
}

/** The query of listRecentActions, not yet run (its plan is tested). */
export function listRecentActionsQuery(actorId: string | null, limit: number) {
  const dataChange = and(isNotNull(auditLog.resource), or(inArray(actionText, DATA_ACTIONS), like(actionText, "bulk:%")));
  return getDb()
    .select({ id: auditLog.id, at: auditLog.at, action: auditLog.action, resource: auditLog.resource, recordId: auditLog.recordId, summary: auditLog.summary, actorEmail: auditLog.actorEmail, changes: auditLog.changes })
    .from(auditLog)
    .where(actorId === null ? dataChange : and(eq(auditLog.actorId, actorId), dataChange))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}

/** A user's own newest sign-ins (time and address), read in (actor_id, at) order. */
export function listOwnSignIns(userId: string, limit = 5) {
  return getDb()
    .select({ id: auditLog.id, at: auditLog.at, address: auditLog.address })
    .from(auditLog)
    .where(and(eq(auditLog.actorId, userId), eq(actionText, "sign-in")))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}
