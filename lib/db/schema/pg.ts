import { pgKit } from "./kit-pg";
import { describeTables } from "./tables";

/**
 * Gatehouse's tables on PostgreSQL (drizzle.postgres.config.ts reads this
 * file): PostgreSQL tables at run time, typed like ./sqlite.ts's (see ./kit.ts).
 */
export const { users, roles, userRoles, accounts, sessions, verificationTokens, auditLog, revokedSessions, recoveryCodes, twoFactorChallenges, rateLimits, passkeys, passkeyChallenges } =
  describeTables(pgKit);
