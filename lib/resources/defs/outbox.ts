import { MAIL_STATUSES, mailOutbox } from "../../db/schema/mail";
import { defineResource } from "../define";

/**
 * The mail outbox, read-only: what was sent, what waits for a retry (and
 * why), what failed for good. No body is shown: a queued mail's links are
 * the recipient's alone. Only who holds `outbox:view` (admins) sees it. Its
 * words in each language: messages/<locale>/resources.json, `outbox`.
 */
export const outboxResource = defineResource({
  name: "outbox",
  label: "Outbox",
  singular: "Mail",
  table: mailOutbox,
  id: mailOutbox.id,
  title: mailOutbox.subject,
  actions: ["view"],
  fields: [
    { key: "createdAt", label: "Queued", type: "datetime", column: mailOutbox.createdAt, list: true, sortable: true },
    { key: "to", label: "To", type: "text", column: mailOutbox.to, list: true, sortable: true },
    { key: "subject", label: "Subject", type: "text", column: mailOutbox.subject, list: true },
    { key: "status", label: "Status", type: "enum", column: mailOutbox.status, options: MAIL_STATUSES, list: true, sortable: true },
    { key: "attempts", label: "Attempts", type: "number", column: mailOutbox.attempts, list: true },
    { key: "nextAttemptAt", label: "Next attempt", type: "datetime", column: mailOutbox.nextAttemptAt, list: true },
    { key: "sentAt", label: "Sent", type: "datetime", column: mailOutbox.sentAt, list: true },
    { key: "lastError", label: "Last error", type: "text", column: mailOutbox.lastError },
  ],
  search: ["to", "subject"],
  filters: [
    { field: "status", param: "status", type: "enum" },
    { field: "createdAt", param: "created", type: "date-range" },
  ],
  defaultSort: "-createdAt",
});
