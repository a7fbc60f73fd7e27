import { asc, count, eq } from "drizzle-orm";
import { writeTransaction, type Db } from "../db";
import { roles, userRoles } from "../db/schema";
import { UserFacingError } from "../errors";
import { writeAudit, type Actor } from "../audit";
import { ADMIN_ROLE, isPermission } from "../permissions";
import { translator } from "../i18n/translator";
import { roleNameMessage } from "./role-name-words";
import { isKnownPermission, PERMISSION_FORMS } from "../resources/permission-catalog";

export async function validateRoleName(name: string): Promise<string> {
  const problem = await roleNameMessage(name);
  if (problem) throw new UserFacingError(problem, "name");
  return name;
}

/** Granted permissions must exist; revoking also accepts a well-formed one that no longer does (a removed resource's). */
async function checkPermissions(perms: string[], accept: (p: string) => boolean = isKnownPermission): Promise<string[]> {
  const bad = perms.filter((p) => !accept(p));
  if (bad.length) {
    throw new UserFacingError((await translator("engine"))("roles.unknownPermission", { names: bad.join(", "), forms: PERMISSION_FORMS }), "permissions");
  }
  return [...new Set(perms)].sort();
}

export async function createRole(db: Db, input: { name: string; description?: string | null; permissions?: string[] }, actor?: Actor): Promise<number> {
  const name = await validateRoleName(input.name);
  const permissions = await checkPermissions(input.permissions ?? []);
  const t = await translator("engine");
  return writeTransaction(db, async (tx) => {
    if ((await tx.select({ id: roles.id }).from(roles).where(eq(roles.name, name))).length) {
      throw new UserFacingError(t("roles.exists", { name }), "name");
    }
    const [{ id }] = (await tx.insert(roles).values({ name, description: input.description ?? null, permissions }).returning({ id: roles.id })) as [{ id: number }];
    if (actor) await writeAudit(tx, actor, { action: "create", resource: "roles", recordId: id, summary: name, changes: { name: { before: null, after: name }, permissions: { before: [], after: permissions } } });
    return id;
  });
}

export function listRoles(db: Db) {
  return db.select({ id: roles.id, name: roles.name, description: roles.description, permissions: roles.permissions }).from(roles).orderBy(asc(roles.name));
}

export async function countRoleMembers(db: Db, roleId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(userRoles).where(eq(userRoles.roleId, roleId));
  return row?.n ?? 0;
}

async function changePermissions(db: Db, name: string, wanted: string[], change: (current: Set<string>, p: string) => void, actor?: Actor): Promise<string[]> {
  const t = await translator("engine");
  return writeTransaction(db, async (tx) => {
    const [role] = await tx.select().from(roles).where(eq(roles.name, name));
    if (!role) throw new UserFacingError(t("users.unknownRole", { names: name }), "name");
    if (role.name === ADMIN_ROLE) throw new UserFacingError(t("roles.adminHasAll"), "permissions");
    const next = new Set(role.permissions);
    for (const p of wanted) change(next, p);
    const permissions = [...next].sort();
    await tx.update(roles).set({ permissions }).where(eq(roles.id, role.id));
    if (actor) await writeAudit(tx, actor, { action: "update", resource: "roles", recordId: role.id, summary: name, changes: { permissions: { before: role.permissions, after: permissions } } });
    return permissions;
  });
}

export async function grantPermissions(db: Db, name: string, perms: string[], actor?: Actor): Promise<string[]> {
  return changePermissions(db, name, await checkPermissions(perms), (s, p) => s.add(p), actor);
}

export async function revokePermissions(db: Db, name: string, perms: string[], actor?: Actor): Promise<string[]> {
  return changePermissions(db, name, await checkPermissions(perms, (p) => isKnownPermission(p) || isPermission(p)), (s, p) => s.delete(p), actor);
}
