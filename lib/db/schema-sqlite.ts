import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { AdapterAccountType } from "next-auth/adapters";
import { randomToken } from "../random";

const timestamps = {
  createdAt: integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`)
    .$onUpdateFn(() => new Date()),
};

/** Accounts that can sign in. Also the Auth.js adapter's user table. */
export const users = sqliteTable("users", {
  id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
  email: text("email").notNull().unique(),
  name: text("name"),
  // Auth.js calls it emailVerified; Flask-Security calls it confirmed_at.
  emailVerified: integer("confirmed_at", { mode: "timestamp_ms" }),
  image: text("image"),
  passwordHash: text("password_hash"),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  // Rotated on every security-relevant change; sessions carrying an old one are void.
  securityStamp: text("security_stamp").notNull().$defaultFn(() => randomToken()),
  lastLoginAt: integer("last_login_at", { mode: "timestamp_ms" }),
  currentLoginAt: integer("current_login_at", { mode: "timestamp_ms" }),
  lastLoginIp: text("last_login_ip"),
  currentLoginIp: text("current_login_ip"),
  loginCount: integer("login_count").notNull().default(0),
  // Two-factor: the TOTP secret, encrypted (lib/auth/two-factor/secret-box.ts);
  // a pending one waits for its first code; the last accepted time step stops replays.
  totpSecret: text("totp_secret"),
  totpPendingSecret: text("totp_pending_secret"),
  totpEnabledAt: integer("totp_enabled_at", { mode: "timestamp_ms" }),
  totpLastStep: integer("totp_last_step"),
  ...timestamps,
});

export const roles = sqliteTable("roles", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull().unique(),
  description: text("description"),
  permissions: text("permissions", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
  ...timestamps,
});

export const userRoles = sqliteTable(
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

export const ITEM_CATEGORIES = [
  "books", "tools", "toys", "garden", "food", "music", "sports", "office", "home", "auto",
] as const;
export type ItemCategory = (typeof ITEM_CATEGORIES)[number];

/** The sample application table. Money is integer cents, never a float. */
export const items = sqliteTable(
  "items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    category: text("category", { enum: ITEM_CATEGORIES }).notNull(),
    priceCents: integer("price_cents").notNull().default(0),
    inStock: integer("in_stock", { mode: "boolean" }).notNull().default(true),
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
    // Category filter with a price range: one range scan of an index that also
    // holds the default sort key, so matches are ordered without reading rows.
    index("items_category_price_idx").on(t.category, t.priceCents, t.createdAt),
    index("items_price_idx").on(t.priceCents),
    index("items_owner_idx").on(t.ownerId, t.createdAt),
    index("items_created_idx").on(t.createdAt),
  ],
);

// Auth.js adapter tables: unused by the Credentials provider, present so an OAuth
// or email provider can be added without a schema change.
export const accounts = sqliteTable(
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

export const sessions = sqliteTable("sessions", {
  sessionToken: text("session_token").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expires: integer("expires", { mode: "timestamp_ms" }).notNull(),
});

export const verificationTokens = sqliteTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: integer("expires", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] }), uniqueIndex("verification_tokens_token_idx").on(t.token)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Role = typeof roles.$inferSelect;
export type NewRole = typeof roles.$inferInsert;
export type Item = typeof items.$inferSelect;
export type NewItem = typeof items.$inferInsert;

/**
 * Who did what, when and from where: panel writes, sign-ins, role and
 * permission changes and CLI changes. Written in the same transaction as the
 * change it records. `changes` holds before/after values of changed fields,
 * never a password or hash.
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    actorId: text("actor_id"),
    actorEmail: text("actor_email"),
    address: text("address"),
    action: text("action").notNull(),
    resource: text("resource"),
    recordId: text("record_id"),
    summary: text("summary"),
    changes: text("changes", { mode: "json" }).$type<Record<string, { before: unknown; after: unknown }>>(),
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

export type AuditEntry = typeof auditLog.$inferSelect;

/**
 * Signed-out sessions. A JWT session cannot be deleted on the server, and a
 * request already in flight can set its cookie again after sign-out clears it,
 * so sign-out records the session's id here and such a token is refused. Rows
 * are pruned once their token would have expired anyway.
 */
export const revokedSessions = sqliteTable(
  "revoked_sessions",
  {
    sid: text("sid").primaryKey(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("revoked_sessions_expires_idx").on(t.expiresAt)],
);

/** Single-use recovery codes for two-factor sign-in; only their hashes are kept. */
export const recoveryCodes = sqliteTable(
  "recovery_codes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("recovery_codes_user_hash_idx").on(t.userId, t.codeHash)],
);

/**
 * Sign-ins waiting for their second step: the browser that passed the password
 * holds the token in a cookie, the row holds its hash. A row is verified by a
 * correct code, then redeemed once for a session.
 */
export const twoFactorChallenges = sqliteTable(
  "two_factor_challenges",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    securityStamp: text("security_stamp").notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    verifiedAt: integer("verified_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("two_factor_challenges_user_idx").on(t.userId), index("two_factor_challenges_expires_idx").on(t.expiresAt)],
);

/**
 * Sign-in throttle counts (rate-limiter-flexible's SQLite store keeps them
 * here): one row per limiter key, with its points and when they expire (ms).
 */
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: integer("expire"),
});
