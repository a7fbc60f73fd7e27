import { sqliteKit } from "./kit-sqlite";
import { describeTables } from "./tables";

/** Gatehouse's tables on SQLite (drizzle.config.ts reads this file). */
export const { users, roles, userRoles, items, accounts, sessions, verificationTokens, auditLog, revokedSessions, recoveryCodes, twoFactorChallenges, rateLimits } =
  describeTables(sqliteKit);

export { ITEM_CATEGORIES, type ItemCategory } from "./tables";

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Role = typeof roles.$inferSelect;
export type NewRole = typeof roles.$inferInsert;
export type Item = typeof items.$inferSelect;
export type NewItem = typeof items.$inferInsert;
export type AuditEntry = typeof auditLog.$inferSelect;
