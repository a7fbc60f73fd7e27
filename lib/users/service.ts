import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../db";
import { roles, userRoles, users } from "../db/schema";
import { normalizeEmail } from "../email";
import { UserFacingError } from "../errors";
import { hashPassword } from "../auth/password";
import { checkPasswordPolicy } from "../auth/password-policy";
import { randomToken } from "../random";
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

export async function createUser(db: Db, input: CreateUserInput): Promise<string> {
  const email = normalizeEmail(input.email);
  if (!input.skipPolicy) {
    const problem = checkPasswordPolicy(input.password, [email, input.name ?? ""]);
    if (problem) throw new UserFacingError(problem, "password");
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction((tx) => {
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
    return row.id;
  });
}

export function setUserActive(db: Db, email: string, active: boolean): void {
  withAdminGuard(db, (tx) => {
    const id = userIdByEmail(tx, email);
    tx.update(users).set({ active, securityStamp: randomToken() }).where(eq(users.id, id)).run();
  });
}

export async function setUserPassword(db: Db, email: string, password: string): Promise<void> {
  const id = userIdByEmail(db, email);
  const problem = checkPasswordPolicy(password, [normalizeEmail(email)]);
  if (problem) throw new UserFacingError(problem, "password");
  const passwordHash = await hashPassword(password);
  db.update(users).set({ passwordHash, securityStamp: randomToken() }).where(eq(users.id, id)).run();
}

export function addUserRole(db: Db, email: string, role: string): void {
  db.transaction((tx) => {
    const id = userIdByEmail(tx, email);
    const [roleId] = roleIdsByName(tx, [role]);
    tx.insert(userRoles).values({ userId: id, roleId: roleId! }).onConflictDoNothing().run();
    tx.update(users).set({ securityStamp: randomToken() }).where(eq(users.id, id)).run();
  });
}

export function removeUserRole(db: Db, email: string, role: string): void {
  withAdminGuard(db, (tx) => {
    const id = userIdByEmail(tx, email);
    const [roleId] = roleIdsByName(tx, [role]);
    const removed = tx
      .delete(userRoles)
      .where(and(eq(userRoles.userId, id), eq(userRoles.roleId, roleId!)))
      .run();
    if (removed.changes === 0) throw new UserFacingError(`${normalizeEmail(email)} does not hold role ${role}.`, "roles");
    tx.update(users).set({ securityStamp: randomToken() }).where(eq(users.id, id)).run();
  });
}
