import type { accountTables } from "./accounts";
import { userIdOf, type Kit } from "./kit";

type Users = ReturnType<typeof accountTables>["users"];

/** Passkeys (WebAuthn credentials) and the ceremonies that create and use them. */
export function passkeyTables(k: Kit, users: Users) {
  /**
   * A user's passkeys: the authenticator's credential id and public key (both
   * base64url), its signature counter, the transports the browser reported and
   * whether it may be (and is) backed up, with the name its owner gave it.
   */
  const passkeys = k.table(
    "passkeys",
    {
      id: k.serialId("id"),
      userId: userIdOf(k, users),
      credentialId: k.varchar("credential_id", 1024).notNull(),
      publicKey: k.text("public_key").notNull(),
      counter: k.bigint("counter").notNull().default(0),
      transports: k.json<string[]>("transports").notNull().default(k.jsonDefault([])),
      backupEligible: k.boolean("backup_eligible").notNull().default(false),
      backedUp: k.boolean("backed_up").notNull().default(false),
      name: k.varchar("name", 100).notNull(),
      createdAt: k.timestamp("created_at").notNull().default(k.now()),
      lastUsedAt: k.timestamp("last_used_at"),
    },
    (t) => [k.uniqueIndex("passkeys_credential_idx").on(t.credentialId), k.index("passkeys_user_idx").on(t.userId)],
  );

  /**
   * Open WebAuthn ceremonies: the browser holds a random token in an httpOnly
   * cookie, the row its hash, the challenge sent to the authenticator, what it
   * is for and (when known) the user. Taken once, by deleting it.
   */
  const passkeyChallenges = k.table(
    "passkey_challenges",
    {
      tokenHash: k.text("token_hash").primaryKey(),
      purpose: k.enumText("purpose", ["register", "sign-in", "second-factor"]).notNull(),
      challenge: k.text("challenge").notNull(),
      userId: k.text("user_id").references(() => users.id, { onDelete: "cascade" }),
      expiresAt: k.timestamp("expires_at").notNull(),
    },
    (t) => [k.index("passkey_challenges_expires_idx").on(t.expiresAt)],
  );

  return { passkeys, passkeyChallenges };
}
