import type { Kit } from "./kit";

/**
 * Who did what, when and from where: panel writes, sign-ins, role and
 * permission changes and CLI changes. Written in the same transaction as the
 * change it records. `changes` holds before/after values of changed fields,
 * never a password or hash.
 */
export function auditTables(k: Kit) {
  const auditLog = k.table(
    "audit_log",
    {
      id: k.serialId("id"),
      at: k.timestamp("at").notNull().default(k.now()),
      actorId: k.text("actor_id"),
      actorEmail: k.text("actor_email"),
      address: k.text("address"),
      action: k.text("action").notNull(),
      resource: k.text("resource"),
      recordId: k.text("record_id"),
      summary: k.text("summary"),
      changes: k.json<Record<string, { before: unknown; after: unknown }>>("changes"),
    },
    (t) => [
      k.index("audit_log_at_idx").on(t.at),
      k.index("audit_log_record_idx").on(t.resource, t.recordId, t.at),
      k.index("audit_log_actor_idx").on(t.actorEmail, t.at),
      // "Recent actions": one user's newest entries, read in order.
      k.index("audit_log_actor_id_idx").on(t.actorId, t.at),
      k.index("audit_log_action_idx").on(t.action, t.at),
    ],
  );
  return { auditLog };
}
