/**
 * The actions the audit log records, each with a label in the catalogue
 * (`audit.action.<key>`): the audit list's Action column and filter show the
 * label, URLs and the CSV keep the stored value. No imports: the audit
 * log's definition reads it.
 */
export const AUDIT_ACTIONS = [
  "create",
  "update",
  "delete",
  "bulk:set",
  "bulk:activate",
  "bulk:deactivate",
  "role-change",
  "sign-in",
  "sign-in-failed",
  "password-change",
  "sign-out-everywhere",
  "denied",
  "two-factor-enable",
  "two-factor-disable",
  "two-factor-reset",
  "recovery-codes-regenerate",
  "locale-change",
  "time-zone-change",
  "sign-in-notice-change",
  "password-failed",
  "two-factor-failed",
  "password-ok-awaiting-code",
  "two-factor-passed",
  "two-factor-recovery-code",
  "two-factor-throttled",
  "throttled",
  "recovery",
  "passkey-added",
  "passkey-renamed",
  "passkey-removed",
  "passkey-used",
  "passkey-failed",
  "passkeys-reset",
  "password-reset-request",
  "password-reset",
  "invite",
  "invitation-resend",
  "invitation-revoke",
  "invitation-accept",
  "email-change-request",
  "email-change",
  "not-me",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** `bulk:set` → `bulkSet`, `sign-in` → `signIn`: the action's catalogue key. */
export const actionKey = (action: string) => action.replace(/[:-]([a-z])/g, (_, c: string) => c.toUpperCase());
