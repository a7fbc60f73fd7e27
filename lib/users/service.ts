import { and, eq, inArray } from "drizzle-orm";
import { writeTransaction, type Db } from "../db";
import { roles, userRoles, users } from "../db/schema";
import { normalizeEmail } from "../email";
import { UserFacingError } from "../errors";
import { hashPassword } from "../auth/password";
import { checkPasswordPolicy } from "../auth/password-policy";
import { randomToken } from "../random";
import { writeAudit, type Actor } from "../audit";
import { withAdminGuard, type Tx } from "./admin-guard";

/** Writes on users shared by the CLI, the seed and the panel. Each is one transaction. */

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
async function audit(tx: Db | Tx, actor: Actor | undefined, action: string, recordId: string, summary: string, changes?: Record<string, { before: unknown; after: unknown }>) {
  if (actor) await writeAudit(tx, actor, { action, resource: "users", recordId, summary, changes });
}

async function roleIdsByName(tx: Db | Tx, names: string[]): Promise<number[]> {
  if (names.length === 0) return [];
  const found = await tx.select({ id: roles.id, name: roles.name }).from(roles).where(inArray(roles.name, names));
  const missing = names.filter((n) => !found.some((r) => r.name === n));
  if (missing.length > 0) throw new UserFacingError(`Unknown role: ${missing.join(", ")}.`, "roles");
  return found.map((r) => r.id);
}

async function userIdByEmail(tx: Db | Tx, email: string): Promise<string> {
  const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.email, normalizeEmail(email)));
  if (!row) throw new UserFacingError(`No user with email ${normalizeEmail(email)}.`, "email");
  return row.id;
}

export async function createUser(db: Db, input: CreateUserInput, actor?: Actor): Promise<string> {
  const email = normalizeEmail(input.email);
  if (!input.skipPolicy) {
    const problem = checkPasswordPolicy(input.password, [email, input.name ?? ""]);
    if (problem) throw new UserFacingError(problem, "password");
  }
  const passwordHash = await hashPassword(input.password);
  return writeTransaction(db, async (tx) => {
    if ((await tx.select({ id: users.id }).from(users).where(eq(users.email, email))).length) {
      throw new UserFacingError("Email is already in use.", "email");
    }
    const roleIds = await roleIdsByName(tx, [...new Set(input.roles ?? [])]);
    const [row] = await tx
      .insert(users)
      .values({ email, name: input.name ?? null, passwordHash, active: input.active ?? true })
      .returning({ id: users.id });
    if (roleIds.length) await tx.insert(userRoles).values(roleIds.map((roleId) => ({ userId: row!.id, roleId })));
    await audit(tx, actor, "create", row!.id, email, { email: { before: null, after: email }, roles: { before: [], after: input.roles ?? [] }, active: { before: null, after: input.active ?? true } });
    return row!.id;
  });
}

export async function setUserActive(db: Db, email: string, active: boolean, actor?: Actor): Promise<void> {
  await withAdminGuard(db, async (tx) => {
    const id = await userIdByEmail(tx, email);
    const [before] = await tx.select({ active: users.active }).from(users).where(eq(users.id, id));
    await tx.update(users).set({ active, securityStamp: randomToken() }).where(eq(users.id, id));
    await audit(tx, actor, "update", id, normalizeEmail(email), { active: { before: before?.active ?? null, after: active } });
  });
}

export async function setUserPassword(db: Db, email: string, password: string, actor?: Actor): Promise<void> {
  const id = await userIdByEmail(db, email);
  const problem = checkPasswordPolicy(password, [normalizeEmail(email)]);
  if (problem) throw new UserFacingError(problem, "password");
  const passwordHash = await hashPassword(password);
  await writeTransaction(db, async (tx) => {
    await tx.update(users).set({ passwordHash, securityStamp: randomToken() }).where(eq(users.id, id));
    await audit(tx, actor, "update", id, normalizeEmail(email), { password: { before: null, after: null } });
  });
}

export async function addUserRole(db: Db, email: string, role: string, actor?: Actor): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const id = await userIdByEmail(tx, email);
    const [roleId] = await roleIdsByName(tx, [role]);
    await tx.insert(userRoles).values({ userId: id, roleId: roleId! }).onConflictDoNothing();
    await tx.update(users).set({ securityStamp: randomToken() }).where(eq(users.id, id));
    await audit(tx, actor, "role-change", id, `added role ${role}`, { roles: { before: null, after: `+${role}` } });
  });
}

export async function removeUserRole(db: Db, email: string, role: string, actor?: Actor): Promise<void> {
  await withAdminGuard(db, async (tx) => {
    const id = await userIdByEmail(tx, email);
    const [roleId] = await roleIdsByName(tx, [role]);
    const removed = await tx
      .delete(userRoles)
      .where(and(eq(userRoles.userId, id), eq(userRoles.roleId, roleId!)))
      .returning({ userId: userRoles.userId });
    if (removed.length === 0) throw new UserFacingError(`${normalizeEmail(email)} does not hold role ${role}.`, "roles");
    await tx.update(users).set({ securityStamp: randomToken() }).where(eq(users.id, id));
    await audit(tx, actor, "role-change", id, `removed role ${role}`, { roles: { before: role, after: `-${role}` } });
  });
}
