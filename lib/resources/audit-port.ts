import { and, asc, eq, gt } from "drizzle-orm";
import { writeAudit, type AuditEvent } from "../audit";
import { auditLog } from "../db/schema";
import type { AuditPort } from "./engine/context";

/** The audit log as the engine sees it: where writes are recorded, and who changed a record since when. */
export const auditPort: AuditPort = {
  // The engine writes create, update, delete, bulk:* and the actions definitions declare (test/audit-actions.test.ts checks those are listed).
  record: (tx, actor, entry) => writeAudit(tx, actor, entry as AuditEvent),
  changesSince: (tx, resource, id, since) =>
    tx
      .select({ actorId: auditLog.actorId, actor: auditLog.actorEmail, changes: auditLog.changes })
      .from(auditLog)
      .where(and(eq(auditLog.resource, resource), eq(auditLog.recordId, String(id)), gt(auditLog.at, since)))
      .orderBy(asc(auditLog.at), asc(auditLog.id))
      .limit(20),
};
