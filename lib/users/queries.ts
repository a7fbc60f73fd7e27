import { eq } from "drizzle-orm";
import type { Db } from "../db";
import { roles, userRoles, users } from "../db/schema";
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

/** One indexed lookup: the user and their roles' permissions. */
export async function getUserAccess(db: Db, userId: string): Promise<UserAccess | null> {
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      active: users.active,
      securityStamp: users.securityStamp,
      roleName: roles.name,
      rolePermissions: roles.permissions,
    })
    .from(users)
    .leftJoin(userRoles, eq(userRoles.userId, users.id))
    .leftJoin(roles, eq(roles.id, userRoles.roleId))
    .where(eq(users.id, userId));
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
  };
}

/** What a session check needs: is the account there, active, and on this stamp? (No role join.) */
export async function getSecurityState(db: Db, userId: string) {
  const [row] = await db.select({ active: users.active, securityStamp: users.securityStamp }).from(users).where(eq(users.id, userId));
  return row ?? null;
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
