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

export const { users, roles, userRoles, items, accounts, sessions, verificationTokens, auditLog, revokedSessions, recoveryCodes, twoFactorChallenges, rateLimits } = active;
export { ITEM_CATEGORIES } from "./schema/sqlite";
export type { AuditEntry, Item, ItemCategory, NewItem, NewRole, NewUser, Role, User } from "./schema/sqlite";
