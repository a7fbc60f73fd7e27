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
