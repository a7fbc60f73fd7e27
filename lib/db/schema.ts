import { databaseDialect } from "../env";
import * as pg from "./schema/pg";
import * as sqlite from "./schema/sqlite";

/**
 * The tables of the database DATABASE_URL names, built from the one
 * description in ./schema/tables.ts. Code everywhere imports them from here
 * and is written once against one set of types (the kit's, SQLite's); the
 * PostgreSQL tables have the same columns and JavaScript types, so the same
 * queries run on either.
 */
const active = databaseDialect() === "postgres" ? pg : sqlite;

export const { users, roles, userRoles, accounts, sessions, verificationTokens, auditLog, revokedSessions, recoveryCodes, twoFactorChallenges, rateLimits, passkeys, passkeyChallenges } = active;
export type { AuditEntry, NewRole, NewUser, Role, User } from "./schema/sqlite";
// The sample application table, described in its own file as an application's tables are.
export { ITEM_CATEGORIES, items, type Item, type ItemCategory, type NewItem } from "./schema/items";
