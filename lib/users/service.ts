import { and, eq, inArray } from "drizzle-orm";
import { writeTransaction, type Db } from "../db";
import { roles, userRoles, users } from "../db/schema";
import { normalizeEmail } from "../email";
import { UserFacingError } from "../errors";
import { writeAudit, type Actor, type Changes } from "../audit";
import { withAdminGuard, type Tx } from "./admin-guard";
import { newPassword } from "./new-password";
import { rotateSecurityStamp } from "./security-stamp";

/**
 * Writes on users by the operator (CLI, seed) and by a user on their own
 * account. They apply the rules the panel's user definition applies through
 * its hooks (new-password.ts, security-stamp.ts, admin-guard.ts) and audit
 * each change as the panel's write does: action, the changed fields' before
 * and after, secrets hidden. Each is one transaction.
 */

export interface CreateUserInput {
  email: string;
  name?: string | null;
  password: string;
  roles?: string[];
  active?: boolean;
  /** Skip the strength policy (demo data in development only). */
  skipPolicy?: boolean;
}

/** Records a change in the audit log when an actor is given (the CLI always gives one). */
async function audit(tx: Db | Tx, actor: Actor | undefined, action: string, recordId: string, changes: Changes): Promise<void> {
  if (actor) await writeAudit(tx, actor, { action, resource: "users", recordId, changes });
}

async function roleIdsByName(tx: Db | Tx, names: string[]): Promise<number[]> {
  if (names.length === 0) return [];
  const found = await tx.select({ id: roles.id, name: roles.name }).from(roles).where(inArray(roles.name, names));
  const missing = names.filter((n) => !found.some((r) => r.name === n));
  if (missing.length > 0) throw new UserFacingError(`Unknown role: ${missing.join(", ")}.`, "roles");
  return found.map((r) => r.id);
}

async function userByEmail(tx: Db | Tx, email: string): Promise<{ id: string; email: string; name: string | null }> {
  const [row] = await tx.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.email, normalizeEmail(email)));
  if (!row) throw new UserFacingError(`No user with email ${normalizeEmail(email)}.`, "email");
  return row;
}

async function passwordHashFor(raw: string, owner: { email: string; name?: string | null }, checkPolicy = true): Promise<string> {
  const password = await newPassword(raw, owner, { checkPolicy });
  if (!password.ok) throw new UserFacingError(password.problem, "password");
  return password.hash;
}

export async function createUser(db: Db, input: CreateUserInput, actor?: Actor): Promise<string> {
  const email = normalizeEmail(input.email);
  const name = input.name ?? null;
  const active = input.active ?? true;
  const passwordHash = await passwordHashFor(input.password, { email, name }, !input.skipPolicy);
  return writeTransaction(db, async (tx) => {
    if ((await tx.select({ id: users.id }).from(users).where(eq(users.email, email))).length) {
      throw new UserFacingError("Email is already in use.", "email");
    }
    const roleIds = await roleIdsByName(tx, [...new Set(input.roles ?? [])]);
    const [row] = await tx.insert(users).values({ email, name, passwordHash, active }).returning({ id: users.id });
    if (roleIds.length) await tx.insert(userRoles).values(roleIds.map((roleId) => ({ userId: row!.id, roleId })));
    const created = { email, name, active, roles: roleIds, password: "(set)" };
    await audit(tx, actor, "create", row!.id, Object.fromEntries(Object.entries(created).map(([k, after]) => [k, { before: null, after }])));
    return row!.id;
  });
}

export async function setUserActive(db: Db, email: string, active: boolean, actor?: Actor): Promise<void> {
  await withAdminGuard(db, async (tx) => {
    const { id } = await userByEmail(tx, email);
    const [before] = await tx.select({ active: users.active }).from(users).where(eq(users.id, id));
    await rotateSecurityStamp(tx, id, { active });
    await audit(tx, actor, "update", id, { active: { before: before?.active ?? null, after: active } });
  });
}

/** Stores a hash from new-password.ts; the user's sessions end. `action`: the audit entry's name. */
export async function storePasswordHash(db: Db, userId: string, passwordHash: string, actor: Actor | undefined, action = "update"): Promise<void> {
  await writeTransaction(db, async (tx) => {
    await rotateSecurityStamp(tx, userId, { passwordHash });
    await audit(tx, actor, action, userId, { password: { before: null, after: null } });
  });
}

export async function setUserPassword(db: Db, email: string, password: string, actor?: Actor): Promise<void> {
  const user = await userByEmail(db, email);
  await storePasswordHash(db, user.id, await passwordHashFor(password, user), actor);
}

/** Grants or takes away one role; the admin guard keeps the last active admin. */
async function changeRole(db: Db, email: string, role: string, add: boolean, actor?: Actor): Promise<void> {
  await withAdminGuard(db, async (tx) => {
    const { id, email: address } = await userByEmail(tx, email);
    const [roleId] = await roleIdsByName(tx, [role]);
    const held = (await tx.select({ roleId: userRoles.roleId }).from(userRoles).where(eq(userRoles.userId, id))).map((r) => r.roleId);
    if (add === held.includes(roleId!)) {
      if (add) return;
      throw new UserFacingError(`${address} does not hold role ${role}.`, "roles");
    }
    if (add) await tx.insert(userRoles).values({ userId: id, roleId: roleId! });
    else await tx.delete(userRoles).where(and(eq(userRoles.userId, id), eq(userRoles.roleId, roleId!)));
    await rotateSecurityStamp(tx, id);
    await audit(tx, actor, "update", id, { roles: { before: held, after: add ? [...held, roleId] : held.filter((r) => r !== roleId) } });
  });
}

export function addUserRole(db: Db, email: string, role: string, actor?: Actor): Promise<void> {
  return changeRole(db, email, role, true, actor);
}

export function removeUserRole(db: Db, email: string, role: string, actor?: Actor): Promise<void> {
  return changeRole(db, email, role, false, actor);
}
