import { eq, sql } from "drizzle-orm";
import type { Db } from "../db";
import { revokedSessions, roles, userRoles, users } from "../db/schema";
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
}

type AccessRow = Omit<UserAccess, "roleNames" | "access"> & { roleName: string | null; rolePermissions: string[] | null; revoked: number };

/**
 * The user, their roles' permissions and whether session `sid` was revoked:
 * one query on primary keys, prepared once per connection. The session check
 * of every request runs it.
 */
function accessQuery(db: Db) {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      active: users.active,
      securityStamp: users.securityStamp,
      roleName: roles.name,
      rolePermissions: roles.permissions,
      revoked: sql<number>`exists (select 1 from ${revokedSessions} where ${revokedSessions.sid} = ${sql.placeholder("sid")})`,
    })
    .from(users)
    .leftJoin(userRoles, eq(userRoles.userId, users.id))
    .leftJoin(roles, eq(roles.id, userRoles.roleId))
    .where(eq(users.id, sql.placeholder("id")))
    .prepare();
}

const prepared = new WeakMap<Db, ReturnType<typeof accessQuery>>();

/** What a session check needs in one query: the user with their roles, and whether this session id was revoked. */
export function getSessionUser(db: Db, userId: string, sid: string): (UserAccess & { revoked: boolean }) | null {
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = accessQuery(db)));
  const rows = query.all({ id: userId, sid }) as AccessRow[];
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
    revoked: first.revoked === 1,
  };
}

/** The user and their roles' permissions, or null when there is no such user. */
export function getUserAccess(db: Db, userId: string): UserAccess | null {
  const found = getSessionUser(db, userId, "");
  if (!found) return null;
  const { revoked: _, ...user } = found;
  return user;
}

/** The fields the credential check needs, looked up by normalised email. */
export function findUserForSignIn(db: Db, email: string) {
  return (
    db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        active: users.active,
        passwordHash: users.passwordHash,
        securityStamp: users.securityStamp,
      })
      .from(users)
      .where(eq(users.email, email))
      .get() ?? null
  );
}

/** Sign-in history shown on the account page. */
export function getSignInInfo(db: Db, userId: string) {
  return (
    db
      .select({ lastLoginAt: users.lastLoginAt, lastLoginIp: users.lastLoginIp, currentLoginAt: users.currentLoginAt, currentLoginIp: users.currentLoginIp, loginCount: users.loginCount })
      .from(users)
      .where(eq(users.id, userId))
      .get() ?? null
  );
}
