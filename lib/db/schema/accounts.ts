import type { AdapterAccountType } from "next-auth/adapters";
import { randomToken } from "../../random";
import { timestamps, userIdOf, type Kit } from "./kit";

/** Who signs in and what they may do: users, roles and their links. */
export function accountTables(k: Kit) {
  /** Accounts that can sign in. Also the Auth.js adapter's user table. */
  const users = k.table("users", {
    id: k
      .text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    email: k.text("email").notNull().unique(),
    name: k.text("name"),
    // Auth.js calls it emailVerified; Flask-Security calls it confirmed_at.
    emailVerified: k.timestamp("confirmed_at"),
    image: k.text("image"),
    passwordHash: k.text("password_hash"),
    active: k.boolean("active").notNull().default(true),
    // Rotated on every security-relevant change; sessions carrying an old one are void.
    securityStamp: k
      .text("security_stamp")
      .notNull()
      .$defaultFn(() => randomToken()),
    lastLoginAt: k.timestamp("last_login_at"),
    currentLoginAt: k.timestamp("current_login_at"),
    lastLoginIp: k.text("last_login_ip"),
    currentLoginIp: k.text("current_login_ip"),
    loginCount: k.integer("login_count").notNull().default(0),
    // Two-factor: the TOTP secret, encrypted (lib/auth/two-factor/secret-box.ts);
    // a pending one waits for its first code; the last accepted time step stops replays.
    totpSecret: k.text("totp_secret"),
    totpPendingSecret: k.text("totp_pending_secret"),
    totpEnabledAt: k.timestamp("totp_enabled_at"),
    totpLastStep: k.integer("totp_last_step"),
    // The panel's language the user chose on /account (lib/i18n/locales.ts); null: the browser's.
    locale: k.text("locale"),
    // The IANA time zone the user chose on /account (lib/time-zone.ts); null: the browser's.
    timeZone: k.text("time_zone"),
    // Mail a security notice when a sign-in comes from an address this account never signed in from (/account); off unless chosen.
    notifyNewSignInAddress: k.boolean("notify_new_sign_in_address").notNull().default(false),
    ...timestamps(k),
  });

  const roles = k.table("roles", {
    id: k.serialId("id"),
    name: k.text("name").notNull().unique(),
    description: k.text("description"),
    permissions: k.json<string[]>("permissions").notNull().default(k.jsonDefault([])),
    ...timestamps(k),
  });

  const userRoles = k.table(
    "user_roles",
    {
      userId: userIdOf(k, users),
      roleId: k
        .integer("role_id")
        .notNull()
        .references(() => roles.id, { onDelete: "cascade" }),
    },
    (t) => [k.primaryKey({ columns: [t.userId, t.roleId] }), k.index("user_roles_role_idx").on(t.roleId)],
  );

  // Auth.js adapter tables: unused by the Credentials provider, present so an OAuth
  // or email provider can be added without a schema change.
  const accounts = k.table(
    "accounts",
    {
      userId: userIdOf(k, users),
      type: k.text("type").$type<AdapterAccountType>().notNull(),
      provider: k.text("provider").notNull(),
      providerAccountId: k.text("provider_account_id").notNull(),
      refresh_token: k.text("refresh_token"),
      access_token: k.text("access_token"),
      expires_at: k.integer("expires_at"),
      token_type: k.text("token_type"),
      scope: k.text("scope"),
      id_token: k.text("id_token"),
      session_state: k.text("session_state"),
    },
    (t) => [k.primaryKey({ columns: [t.provider, t.providerAccountId] }), k.index("accounts_user_idx").on(t.userId)],
  );

  const sessions = k.table("sessions", {
    sessionToken: k.text("session_token").primaryKey(),
    userId: userIdOf(k, users),
    expires: k.timestamp("expires").notNull(),
  });

  const verificationTokens = k.table(
    "verification_tokens",
    {
      identifier: k.text("identifier").notNull(),
      token: k.text("token").notNull(),
      expires: k.timestamp("expires").notNull(),
    },
    (t) => [k.primaryKey({ columns: [t.identifier, t.token] }), k.uniqueIndex("verification_tokens_token_idx").on(t.token)],
  );

  return { users, roles, userRoles, accounts, sessions, verificationTokens };
}
