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
function audit(tx: Db | Tx, actor: Actor | undefined, action: string, recordId: string, summary: string, changes?: Record<string, { before: unknown; after: unknown }>) {
  if (actor) writeAudit(tx, actor, { action, resource: "users", recordId, summary, changes });
}

function roleIdsByName(tx: Db | Tx, names: string[]): number[] {
  if (names.length === 0) return [];
  const found = tx.select({ id: roles.id, name: roles.name }).from(roles).where(inArray(roles.name, names)).all();
  const missing = names.filter((n) => !found.some((r) => r.name === n));
  if (missing.length > 0) throw new UserFacingError(`Unknown role: ${missing.join(", ")}.`, "roles");
  return found.map((r) => r.id);
}

function userIdByEmail(tx: Db | Tx, email: string): string {
  const row = tx.select({ id: users.id }).from(users).where(eq(users.email, normalizeEmail(email))).get();
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
  return writeTransaction(db, (tx) => {
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
      throw new UserFacingError("Email is already in use.", "email");
    }
    const roleIds = roleIdsByName(tx, [...new Set(input.roles ?? [])]);
    const row = tx
      .insert(users)
      .values({ email, name: input.name ?? null, passwordHash, active: input.active ?? true })
      .returning({ id: users.id })
      .get();
    if (roleIds.length) tx.insert(userRoles).values(roleIds.map((roleId) => ({ userId: row.id, roleId }))).run();
    audit(tx, actor, "create", row.id, email, { email: { before: null, after: email }, roles: { before: [], after: input.roles ?? [] }, active: { before: null, after: input.active ?? true } });
    return row.id;
  });
}

export function setUserActive(db: Db, email: string, active: boolean, actor?: Actor): void {
  withAdminGuard(db, (tx) => {
    const id = userIdByEmail(tx, email);
    const before = tx.select({ active: users.active }).from(users).where(eq(users.id, id)).get();
    tx.update(users).set({ active, securityStamp: randomToken() }).where(eq(users.id, id)).run();
    audit(tx, actor, "update", id, normalizeEmail(email), { active: { before: before?.active ?? null, after: active } });
  });
}

export async function setUserPassword(db: Db, email: string, password: string, actor?: Actor): Promise<void> {
  const id = userIdByEmail(db, email);
  const problem = checkPasswordPolicy(password, [normalizeEmail(email)]);
  if (problem) throw new UserFacingError(problem, "password");
  const passwordHash = await hashPassword(password);
  writeTransaction(db, (tx) => {
    tx.update(users).set({ passwordHash, securityStamp: randomToken() }).where(eq(users.id, id)).run();
    audit(tx, actor, "update", id, normalizeEmail(email), { password: { before: null, after: null } });
  });
}

export function addUserRole(db: Db, email: string, role: string, actor?: Actor): void {
  writeTransaction(db, (tx) => {
    const id = userIdByEmail(tx, email);
    const [roleId] = roleIdsByName(tx, [role]);
    tx.insert(userRoles).values({ userId: id, roleId: roleId! }).onConflictDoNothing().run();
    tx.update(users).set({ securityStamp: randomToken() }).where(eq(users.id, id)).run();
    audit(tx, actor, "role-change", id, `added role ${role}`, { roles: { before: null, after: `+${role}` } });
  });
}

export function removeUserRole(db: Db, email: string, role: string, actor?: Actor): void {
  withAdminGuard(db, (tx) => {
    const id = userIdByEmail(tx, email);
    const [roleId] = roleIdsByName(tx, [role]);
    const removed = tx
      .delete(userRoles)
      .where(and(eq(userRoles.userId, id), eq(userRoles.roleId, roleId!)))
      .run();
    if (removed.changes === 0) throw new UserFacingError(`${normalizeEmail(email)} does not hold role ${role}.`, "roles");
    tx.update(users).set({ securityStamp: randomToken() }).where(eq(users.id, id)).run();
    audit(tx, actor, "role-change", id, `removed role ${role}`, { roles: { before: role, after: `-${role}` } });
  });
}
