import { actionKey, AUDIT_ACTIONS } from "../../audit/actions";
import { auditLog } from "../../db/schema";
import { wordOf } from "../catalogue";
import { defineResource } from "../define";
import { isWritable } from "../writable";

/** The resources an entry can be about: filled in by the registry, which this definition cannot import (it imports this). */
const AUDITED: string[] = [];
/** Their labels in English (the definition's own words); localize() reads each locale's from `resources.<name>.label`. */
const AUDITED_LABELS: Record<string, string> = {};

/**
 * The Action and Resource columns show labels ("Created", "Items"), the
 * action's from `audit.action.*`, the words history sentences use; filters,
 * URLs and the CSV keep the stored values.
 */
const actionWords = (action: string) => ["audit", "action", actionKey(action)];
const ACTION_LABELS = Object.fromEntries(AUDIT_ACTIONS.map((a) => [a, wordOf("en", actionWords(a))]));

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
    { key: "action", label: "Action", type: "enum", column: auditLog.action, options: AUDIT_ACTIONS, optionLabels: ACTION_LABELS, optionWords: actionWords, list: true, sortable: true },
    { key: "resource", label: "Resource", type: "enum", column: auditLog.resource, options: AUDITED, optionLabels: AUDITED_LABELS, optionWords: (name) => ["resources", name, "label"], list: true },
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
    for (const r of resources) AUDITED_LABELS[r.name] = r.label;
  },
});
