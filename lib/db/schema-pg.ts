import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import type { AdapterAccountType } from "next-auth/adapters";
import { randomToken } from "../random";
import { ITEM_CATEGORIES } from "./schema-sqlite";

/**
 * The PostgreSQL twin of ./schema.ts: the same tables, columns, JavaScript
 * types, nullability, defaults and indexes, in PostgreSQL's types. Keep the two
 * in step; test/schema-parity.test.ts fails when they drift apart.
 */

const ms = (name: string) => timestamp(name, { mode: "date", precision: 3, withTimezone: true });

const timestamps = {
  createdAt: ms("created_at").notNull().defaultNow(),
  updatedAt: ms("updated_at")
    .notNull()
    .defaultNow()
    .$onUpdateFn(() => new Date()),
};

export const users = pgTable("users", {
  id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
  email: text("email").notNull().unique(),
  name: text("name"),
  emailVerified: ms("confirmed_at"),
  image: text("image"),
  passwordHash: text("password_hash"),
  active: boolean("active").notNull().default(true),
  securityStamp: text("security_stamp").notNull().$defaultFn(() => randomToken()),
  lastLoginAt: ms("last_login_at"),
  currentLoginAt: ms("current_login_at"),
  lastLoginIp: text("last_login_ip"),
  currentLoginIp: text("current_login_ip"),
  loginCount: integer("login_count").notNull().default(0),
  totpSecret: text("totp_secret"),
  totpPendingSecret: text("totp_pending_secret"),
  totpEnabledAt: ms("totp_enabled_at"),
  totpLastStep: integer("totp_last_step"),
  ...timestamps,
});

export const roles = pgTable("roles", {
  id: serial("id").primaryKey(),
  name: text("name").notNull().unique(),
  description: text("description"),
  permissions: jsonb("permissions").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  ...timestamps,
});

export const userRoles = pgTable(
  "user_roles",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    roleId: integer("role_id")
      .notNull()
      .references(() => roles.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.roleId] }), index("user_roles_role_idx").on(t.roleId)],
);

export const items = pgTable(
  "items",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull(),
    category: text("category", { enum: ITEM_CATEGORIES }).notNull(),
    priceCents: integer("price_cents").notNull().default(0),
    inStock: boolean("in_stock").notNull().default(true),
    description: text("description"),
    ownerId: text("owner_id").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  // Every sortable column has an index to read the list in order, and each
  // equality filter one that ends in the default sort key (created_at), so a
  // filtered list is read in order too and stops at the page.
  (t) => [
    index("items_name_idx").on(t.name),
    index("items_category_idx").on(t.category),
    index("items_category_created_idx").on(t.category, t.createdAt),
    index("items_in_stock_idx").on(t.inStock),
    index("items_in_stock_created_idx").on(t.inStock, t.createdAt),
    index("items_category_price_idx").on(t.category, t.priceCents, t.createdAt),
    index("items_price_idx").on(t.priceCents),
    index("items_owner_idx").on(t.ownerId, t.createdAt),
    index("items_created_idx").on(t.createdAt),
  ],
);

export const accounts = pgTable(
  "accounts",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").$type<AdapterAccountType>().notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] }), index("accounts_user_idx").on(t.userId)],
);

export const sessions = pgTable("sessions", {
  sessionToken: text("session_token").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expires: ms("expires").notNull(),
});

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: ms("expires").notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] }), uniqueIndex("verification_tokens_token_idx").on(t.token)],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: serial("id").primaryKey(),
    at: ms("at").notNull().defaultNow(),
    actorId: text("actor_id"),
    actorEmail: text("actor_email"),
    address: text("address"),
    action: text("action").notNull(),
    resource: text("resource"),
    recordId: text("record_id"),
    summary: text("summary"),
    changes: jsonb("changes").$type<Record<string, { before: unknown; after: unknown }>>(),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_record_idx").on(t.resource, t.recordId, t.at),
    index("audit_log_actor_idx").on(t.actorEmail, t.at),
    // "Recent actions": one user's newest entries, read in order.
    index("audit_log_actor_id_idx").on(t.actorId, t.at),
    index("audit_log_action_idx").on(t.action, t.at),
  ],
);

export const revokedSessions = pgTable(
  "revoked_sessions",
  {
    sid: text("sid").primaryKey(),
    expiresAt: ms("expires_at").notNull(),
  },
  (t) => [index("revoked_sessions_expires_idx").on(t.expiresAt)],
);

export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: serial("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: ms("used_at"),
  },
  (t) => [uniqueIndex("recovery_codes_user_hash_idx").on(t.userId, t.codeHash)],
);

export const twoFactorChallenges = pgTable(
  "two_factor_challenges",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    securityStamp: text("security_stamp").notNull(),
    expiresAt: ms("expires_at").notNull(),
    verifiedAt: ms("verified_at"),
  },
  (t) => [index("two_factor_challenges_user_idx").on(t.userId), index("two_factor_challenges_expires_idx").on(t.expiresAt)],
);

export const rateLimits = pgTable("rate_limits", {
  key: varchar("key", { length: 255 }).primaryKey(),
  points: integer("points").notNull().default(0),
  expire: bigint("expire", { mode: "number" }),
});
