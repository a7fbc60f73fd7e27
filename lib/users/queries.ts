import { eq, sql } from "drizzle-orm";
import type { Db } from "../db";
import { passkeys, revokedSessions, roles, userRoles, users } from "../db/schema";
import { accessFromRoles, type Access } from "../permissions";

/** What the server knows about the signed-in user on each request. Never sent whole to the browser. */
export interface UserAccess {
  id: string;
  email: string;
  name: string | null;
  active: boolean;
  securityStamp: string;
  roleNames: string[];
  access: Access;
  /** Two-factor sign-in is set up, an authenticator app or a passkey (REQUIRE_2FA_ROLES checks it on every request). */
  twoFactorEnabled: boolean;
  /** The language chosen on /account (null: the browser's); read with the rest, so it costs no query. */
  locale: string | null;
  /** The time zone chosen on /account (null: the browser's), read the same way. */
  timeZone: string | null;
}

// `revoked` is 1/0 on SQLite and a boolean on PostgreSQL.
type AccessRow = Omit<UserAccess, "roleNames" | "access" | "twoFactorEnabled"> & { totpEnabledAt: unknown; hasPasskey: number | boolean; roleName: string | null; rolePermissions: string[] | null; revoked: number | boolean };

/**
 * The user, their roles' permissions and whether session `sid` was revoked:
 * one query on primary keys, prepared once per connection. The session check
 * of every request runs it.
 */
function accessQuery(db: Db) {
  const query = db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      active: users.active,
      securityStamp: users.securityStamp,
      totpEnabledAt: users.totpEnabledAt,
      hasPasskey: sql<number>`exists (select 1 from ${passkeys} where ${passkeys.userId} = ${users.id})`,
      locale: users.locale,
      timeZone: users.timeZone,
      roleName: roles.name,
      rolePermissions: roles.permissions,
      revoked: sql<number>`exists (select 1 from ${revokedSessions} where ${revokedSessions.sid} = ${sql.placeholder("sid")})`,
    })
    .from(users)
    .leftJoin(userRoles, eq(userRoles.userId, users.id))
    .leftJoin(roles, eq(roles.id, userRoles.roleId))
    .where(eq(users.id, sql.placeholder("id")));
  // PostgreSQL names its prepared statements; SQLite's take no name.
  return (query as unknown as { prepare(name: string): { execute(values: Record<string, unknown>): Promise<AccessRow[]> } }).prepare("gatehouse_session_user");
}

const prepared = new WeakMap<Db, ReturnType<typeof accessQuery>>();

/** What a session check needs in one query: the user with their roles, and whether this session id was revoked. */
export async function getSessionUser(db: Db, userId: string, sid: string): Promise<(UserAccess & { revoked: boolean }) | null> {
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = accessQuery(db)));
  const rows = await query.execute({ id: userId, sid });
  const first = rows[0];
  if (!first) return null;
  const held = rows.flatMap((r) => (r.roleName ? [{ name: r.roleName, permissions: r.rolePermissions ?? [] }] : []));
  return {
    id: first.id,
    email: first.email,
    name: first.name,
    active: first.active,
    securityStamp: first.securityStamp,
    roleNames: held.map((r) => r.name).sort(),
    access: accessFromRoles(held),
    twoFactorEnabled: first.totpEnabledAt !== null || !!first.hasPasskey,
    locale: first.locale,
    timeZone: first.timeZone,
    revoked: !!first.revoked,
  };
}

/** The user and their roles' permissions, or null when there is no such user. */
export async function getUserAccess(db: Db, userId: string): Promise<UserAccess | null> {
  const found = await getSessionUser(db, userId, "");
  if (!found) return null;
  const { revoked: _, ...user } = found;
  return user;
}

/** The fields the credential check needs, looked up by normalised email. */
export async function findUserForSignIn(db: Db, email: string) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      active: users.active,
      passwordHash: users.passwordHash,
      securityStamp: users.securityStamp,
    })
    .from(users)
    .where(eq(users.email, email));
  return row ?? null;
}

/** Sign-in history shown on the account page. */
export async function getSignInInfo(db: Db, userId: string) {
  const [row] = await db
    .select({ lastLoginAt: users.lastLoginAt, lastLoginIp: users.lastLoginIp, currentLoginAt: users.currentLoginAt, currentLoginIp: users.currentLoginIp, loginCount: users.loginCount })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}
