import { and, asc, eq, sql } from "drizzle-orm";
import type { Actor } from "../../audit";
import { writeTransaction, type Db, type Tx } from "../../db";
import { passkeyChallenges, passkeys, users } from "../../db/schema";
import { normalizeEmail } from "../../email";
import { UserFacingError } from "../../errors";
import { translator } from "../../i18n/translator";
import type { WriteResult } from "../../resources/engine";
import { updateUser } from "../../users/service";
import { anySecondFactor, secondFactors } from "../second-factors";

/**
 * A user's passkeys, shared by /account, sign-in, the panel and the CLI.
 * Adding, renaming and removing go through the users' write pipeline (an
 * operator write with the acting user as audit actor), so the audit entry
 * shares the transaction; none of them ends a session. Only a use (its
 * counter and time) is written here directly, like a spent recovery code.
 */

export interface PasskeySummary {
  id: number;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  backedUp: boolean;
}

export interface NewPasskey {
  credentialId: string;
  publicKey: string;
  counter: number;
  transports: string[];
  backupEligible: boolean;
  backedUp: boolean;
  name: string;
}

export const PASSKEY_NAME_MAX = 100;

export function listPasskeys(db: Db, userId: string): Promise<PasskeySummary[]> {
  return db
    .select({ id: passkeys.id, name: passkeys.name, createdAt: passkeys.createdAt, lastUsedAt: passkeys.lastUsedAt, backedUp: passkeys.backedUp })
    .from(passkeys)
    .where(eq(passkeys.userId, userId))
    .orderBy(asc(passkeys.createdAt), asc(passkeys.id));
}

/** The credentials of a user, for the browser's allow and exclude lists. */
export function credentialsOf(db: Db, userId: string): Promise<{ credentialId: string; transports: string[] }[]> {
  return db.select({ credentialId: passkeys.credentialId, transports: passkeys.transports }).from(passkeys).where(eq(passkeys.userId, userId));
}

/** The stored passkey with this credential id, and its owner. */
export async function findPasskey(db: Db, credentialId: string) {
  const [row] = await db
    .select({
      id: passkeys.id,
      name: passkeys.name,
      userId: passkeys.userId,
      publicKey: passkeys.publicKey,
      counter: passkeys.counter,
      transports: passkeys.transports,
      email: users.email,
      userName: users.name,
      active: users.active,
      securityStamp: users.securityStamp,
    })
    .from(passkeys)
    .innerJoin(users, eq(users.id, passkeys.userId))
    .where(eq(passkeys.credentialId, credentialId));
  return row ?? null;
}
export type StoredPasskey = NonNullable<Awaited<ReturnType<typeof findPasskey>>>;

/**
 * Records a use: the new counter and the time. Conditional on the counter
 * read before verifying, so of two requests with answers from one
 * authenticator only one moves it on; false for the other.
 */
export async function recordPasskeyUse(db: Db, passkey: { id: number; counter: number }, newCounter: number, backedUp: boolean): Promise<boolean> {
  const moved = await writeTransaction(db, (tx) =>
    tx
      .update(passkeys)
      .set({ counter: newCounter, backedUp, lastUsedAt: new Date() })
      .where(and(eq(passkeys.id, passkey.id), eq(passkeys.counter, passkey.counter)))
      .returning({ id: passkeys.id }),
  );
  return moved.length === 1;
}

function orThrow(result: WriteResult): void {
  if (result.ok) return;
  const [field, problem] = Object.entries(result.fieldErrors ?? {})[0] ?? [];
  throw new UserFacingError(problem ?? result.message, field);
}

async function notFound(): Promise<never> {
  throw new UserFacingError((await translator("passkeys.errors"))("notFound"));
}

/** How many passkeys one account may hold: enough for every device and key someone owns, and a bound on what one account can store. */
export const PASSKEYS_PER_USER_MAX = 20;

export async function addPasskey(db: Db, userId: string, passkey: NewPasskey, actor: Actor): Promise<void> {
  await orThrow(
    await updateUser(db, userId, {}, actor, {
      auditAction: "passkey-added",
      auditSummary: passkey.name,
      inTransaction: async (tx) => {
        const [taken] = await tx.select({ id: passkeys.id }).from(passkeys).where(eq(passkeys.credentialId, passkey.credentialId));
        if (taken) throw new UserFacingError((await translator("passkeys.errors"))("alreadyAdded"));
        if ((await countPasskeys(tx, userId)) >= PASSKEYS_PER_USER_MAX) throw new UserFacingError((await translator("passkeys.errors"))("tooMany", { max: PASSKEYS_PER_USER_MAX }));
        await tx.insert(passkeys).values({ ...passkey, userId });
      },
    }),
  );
}

export async function renamePasskey(db: Db, userId: string, id: number, name: string, actor: Actor): Promise<void> {
  await orThrow(
    await updateUser(db, userId, {}, actor, {
      auditAction: "passkey-renamed",
      auditSummary: name,
      inTransaction: async (tx) => {
        const renamed = await tx.update(passkeys).set({ name }).where(and(eq(passkeys.id, id), eq(passkeys.userId, userId))).returning({ id: passkeys.id });
        if (renamed.length !== 1) await notFound();
      },
    }),
  );
}

/**
 * The owner removes a passkey. Removing the last second factor turns two-factor
 * off, so like that it needs the password proved. Checked after the delete, in
 * the users pipeline's transaction (which locks the user's row): two removals
 * at once cannot each leave the other's passkey as the one that remains.
 */
export async function removePasskey(db: Db, userId: string, id: number, actor: Actor, proved: boolean): Promise<void> {
  const [named] = await db.select({ name: passkeys.name }).from(passkeys).where(and(eq(passkeys.id, id), eq(passkeys.userId, userId)));
  if (!named) await notFound();
  await orThrow(
    await updateUser(db, userId, {}, actor, {
      auditAction: "passkey-removed",
      auditSummary: named?.name,
      inTransaction: async (tx) => {
        const removed = await tx.delete(passkeys).where(and(eq(passkeys.id, id), eq(passkeys.userId, userId))).returning({ name: passkeys.name });
        if (removed.length !== 1) await notFound();
        if (!proved && !anySecondFactor(await secondFactors(tx, userId))) throw new UserFacingError((await translator("passkeys.errors"))("lastFactorPassword"), "password");
      },
    }),
  );
}

/** Someone else (an admin, the CLI) removes all of a user's passkeys; nothing else changes and no session ends. */
export async function removeAllPasskeys(db: Db, userId: string, actor: Actor): Promise<number> {
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  if (!row) throw new UserFacingError((await translator("passkeys.errors"))("noSuchUser"));
  let count = 0;
  await orThrow(
    await updateUser(db, userId, {}, actor, {
      auditAction: "passkeys-reset",
      auditSummary: row.email,
      inTransaction: async (tx) => {
        count = (await tx.delete(passkeys).where(eq(passkeys.userId, userId)).returning({ id: passkeys.id })).length;
        await tx.delete(passkeyChallenges).where(eq(passkeyChallenges.userId, userId));
      },
    }),
  );
  return count;
}

export async function removeAllPasskeysByEmail(db: Db, email: string, actor: Actor): Promise<number> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, normalizeEmail(email)));
  if (!row) throw new UserFacingError(`No user with email ${normalizeEmail(email)}.`, "email");
  return removeAllPasskeys(db, row.id, actor);
}

/** How many passkeys each user has (the admin's user page). */
export async function countPasskeys(db: Db | Tx, userId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(passkeys).where(eq(passkeys.userId, userId));
  return row?.n ?? 0;
}
