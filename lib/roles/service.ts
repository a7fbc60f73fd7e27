import { asc, count, eq } from "drizzle-orm";
import { writeTransaction, type Db } from "../db";
import { roles, userRoles } from "../db/schema";
import { UserFacingError } from "../errors";
import { writeAudit, type Actor } from "../audit";
import { ADMIN_ROLE, isPermission } from "../permissions";

const ROLE_NAME_RE = /^[a-z][a-z0-9-]{0,63}$/;

export function validateRoleName(name: string): string {
  if (!ROLE_NAME_RE.test(name)) {
    throw new UserFacingError("Role names are lower-case letters, digits and dashes, starting with a letter.", "name");
  }
  return name;
}

function checkPermissions(perms: string[]): string[] {
  const bad = perms.filter((p) => !isPermission(p));
  if (bad.length) {
    throw new UserFacingError(`Not a permission: ${bad.join(", ")} (expected <resource>:<view|create|update|delete|export>).`, "permissions");
  }
  return [...new Set(perms)].sort();
}

export function createRole(db: Db, input: { name: string; description?: string | null; permissions?: string[] }, actor?: Actor): number {
  const name = validateRoleName(input.name);
  const permissions = checkPermissions(input.permissions ?? []);
  return writeTransaction(db, (tx) => {
    if (tx.select({ id: roles.id }).from(roles).where(eq(roles.name, name)).get()) {
      throw new UserFacingError(`Role ${name} already exists.`, "name");
    }
    const id = tx.insert(roles).values({ name, description: input.description ?? null, permissions }).returning({ id: roles.id }).get().id;
    if (actor) writeAudit(tx, actor, { action: "create", resource: "roles", recordId: id, summary: name, changes: { name: { before: null, after: name }, permissions: { before: [], after: permissions } } });
    return id;
  });
}

export function listRoles(db: Db) {
  return db.select({ id: roles.id, name: roles.name, description: roles.description, permissions: roles.permissions }).from(roles).orderBy(asc(roles.name)).all();
}

export function countRoleMembers(db: Db, roleId: number): number {
  return db.select({ n: count() }).from(userRoles).where(eq(userRoles.roleId, roleId)).get()?.n ?? 0;
}

function changePermissions(db: Db, name: string, perms: string[], change: (current: Set<string>, p: string) => void, actor?: Actor): string[] {
  const wanted = checkPermissions(perms);
  return writeTransaction(db, (tx) => {
    const role = tx.select().from(roles).where(eq(roles.name, name)).get();
    if (!role) throw new UserFacingError(`Unknown role: ${name}.`, "name");
    if (role.name === ADMIN_ROLE) throw new UserFacingError("The admin role always has every permission.", "permissions");
    const next = new Set(role.permissions);
    for (const p of wanted) change(next, p);
    const permissions = [...next].sort();
    tx.update(roles).set({ permissions }).where(eq(roles.id, role.id)).run();
    if (actor) writeAudit(tx, actor, { action: "update", resource: "roles", recordId: role.id, summary: name, changes: { permissions: { before: role.permissions, after: permissions } } });
    return permissions;
  });
}

export function grantPermissions(db: Db, name: string, perms: string[], actor?: Actor): string[] {
  return changePermissions(db, name, perms, (s, p) => s.add(p), actor);
}

export function revokePermissions(db: Db, name: string, perms: string[], actor?: Actor): string[] {
  return changePermissions(db, name, perms, (s, p) => s.delete(p), actor);
}
