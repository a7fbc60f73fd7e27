import type { accountTables } from "./accounts";
import { userIdOf, type Kit } from "./kit";

type Users = ReturnType<typeof accountTables>["users"];

/** What signing in and out keeps: revoked sessions, second factors, throttle counts. */
export function signInTables(k: Kit, users: Users) {
  /**
   * Signed-out sessions. A JWT session cannot be deleted on the server, and a
   * request already in flight can set its cookie again after sign-out clears it,
   * so sign-out records the session's id here and such a token is refused. Rows
   * are pruned once their token would have expired anyway.
   */
  const revokedSessions = k.table(
    "revoked_sessions",
    {
      sid: k.text("sid").primaryKey(),
      expiresAt: k.timestamp("expires_at").notNull(),
    },
    (t) => [k.index("revoked_sessions_expires_idx").on(t.expiresAt)],
  );

  /** Single-use recovery codes for two-factor sign-in; only their hashes are kept. */
  const recoveryCodes = k.table(
    "recovery_codes",
    {
      id: k.serialId("id"),
      userId: userIdOf(k, users),
      codeHash: k.text("code_hash").notNull(),
      usedAt: k.timestamp("used_at"),
    },
    (t) => [k.uniqueIndex("recovery_codes_user_hash_idx").on(t.userId, t.codeHash)],
  );

  /**
   * Sign-ins waiting for their second step: the browser that passed the password
   * holds the token in a cookie, the row holds its hash. A row is verified by a
   * correct code, then redeemed once for a session.
   */
  const twoFactorChallenges = k.table(
    "two_factor_challenges",
    {
      tokenHash: k.text("token_hash").primaryKey(),
      userId: userIdOf(k, users),
      securityStamp: k.text("security_stamp").notNull(),
      expiresAt: k.timestamp("expires_at").notNull(),
      verifiedAt: k.timestamp("verified_at"),
    },
    (t) => [k.index("two_factor_challenges_user_idx").on(t.userId), k.index("two_factor_challenges_expires_idx").on(t.expiresAt)],
  );

  /**
   * Sign-in throttle counts (rate-limiter-flexible's store keeps them here):
   * one row per limiter key, with its points and when they expire (ms).
   */
  const rateLimits = k.table("rate_limits", {
    key: k.varchar("key", 255).primaryKey(),
    points: k.integer("points").notNull().default(0),
    expire: k.bigint("expire"),
  });

  return { revokedSessions, recoveryCodes, twoFactorChallenges, rateLimits };
}
