import { sqliteKit } from "./kit-sqlite";
import { describeTables } from "./tables";

/** Gatehouse's tables on SQLite (drizzle.config.ts reads this file). */
export const { users, roles, userRoles, accounts, sessions, verificationTokens, auditLog, revokedSessions, recoveryCodes, twoFactorChallenges, rateLimits, passkeys, passkeyChallenges } =
  describeTables(sqliteKit);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Role = typeof roles.$inferSelect;
export type NewRole = typeof roles.$inferInsert;
export type AuditEntry = typeof auditLog.$inferSelect;
