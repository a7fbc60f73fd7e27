import { auditLog } from "../../db/schema";
import { defineResource } from "../define";
import { isWritable } from "../writable";

/** The resources an entry can be about: filled in by the registry, which this definition cannot import (it imports this). */
const AUDITED: string[] = [];

const AUDIT_ACTIONS = ["create", "update", "delete", "bulk:activate", "bulk:deactivate", "role-change", "sign-in", "sign-in-failed", "password-change", "sign-out-everywhere", "denied"];

/** The audit log: read-only for everyone, admins included. Its words in each language: messages/<locale>/resources.json, `audit`. */
export const auditResource = defineResource({
  name: "audit",
  label: "Audit log",
  singular: "Audit entry",
  table: auditLog,
  id: auditLog.id,
  title: auditLog.action,
  actions: ["view", "export"],
  fields: [
    { key: "at", label: "When", type: "datetime", column: auditLog.at, list: true, sortable: true },
    { key: "action", label: "Action", type: "enum", column: auditLog.action, options: AUDIT_ACTIONS, list: true, sortable: true },
    { key: "resource", label: "Resource", type: "enum", column: auditLog.resource, options: AUDITED, list: true },
    { key: "recordId", label: "Record", type: "text", column: auditLog.recordId, list: true },
    { key: "summary", label: "Summary", type: "text", column: auditLog.summary, list: true },
    { key: "actor", label: "Actor", type: "reference", column: auditLog.actorId, reference: { resource: "users" }, details: false },
    { key: "actorEmail", label: "Actor email", type: "text", column: auditLog.actorEmail, list: true, sortable: true },
    { key: "address", label: "From", type: "text", column: auditLog.address, list: true },
    { key: "changes", label: "Changes", type: "json", column: auditLog.changes, details: false },
  ],
  search: ["actorEmail", "summary", "recordId"],
  filters: [
    { field: "actor", param: "actor", type: "reference" },
    { field: "resource", param: "resource", type: "enum" },
    { field: "action", param: "action", type: "enum" },
    { field: "at", param: "at", type: "date-range", label: "Time" },
  ],
  defaultSort: "-at",
  // The entry's page says what happened, in words, with the changes' labels and values (components/resource/audit-entry.tsx).
  detailsPanel: "audit-entry",
  registered: (resources) => {
    AUDITED.splice(0, AUDITED.length, ...resources.filter(isWritable).map((r) => r.name));
  },
});
