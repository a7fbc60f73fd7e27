/** Pure permission rules, shared by middleware, the data access layer, the CLI and tests. */

export const ACTIONS = ["view", "create", "update", "delete", "export"] as const;
export type Action = (typeof ACTIONS)[number];
/**
 * `<resource>:<action>` grants the action on every record; `<resource>:<action>:own`
 * (resources with an owner column) on the user's own records only; `<resource>:<name>`
 * is an extra permission a resource declares (e.g. `items:price`, for a field).
 */
export type Permission = `${string}:${Action}` | `${string}:${Action}:own` | `${string}:${string}`;

/** The superuser role: every permission, present and future. */
export const ADMIN_ROLE = "admin";

const NAME = "[a-z][a-z0-9-]{0,63}";
const PERMISSION_RE = new RegExp(`^${NAME}:(?:(?:view|create|update|delete|export)(?::own)?|${NAME})$`);

/** The shape of a permission; whether it names a registered resource, action or extra is the catalogue's question (lib/resources/permission-catalog.ts). */
export function isPermission(value: string): value is Permission {
  return PERMISSION_RE.test(value);
}

/** `<resource>:<action>:own`. */
export function ownPermission(resource: string, action: Action): Permission {
  return `${resource}:${action}:own`;
}

export function permission(resource: string, action: Action): Permission {
  return `${resource}:${action}`;
}

/** What a user may do, computed from the roles they hold. */
export interface Access {
  isAdmin: boolean;
  permissions: ReadonlySet<string>;
}

export function accessFromRoles(roles: ReadonlyArray<{ name: string; permissions: readonly string[] }>): Access {
  const permissions = new Set<string>();
  let isAdmin = false;
  for (const role of roles) {
    if (role.name === ADMIN_ROLE) isAdmin = true;
    for (const p of role.permissions) if (isPermission(p)) permissions.add(p);
  }
  return { isAdmin, permissions };
}

/** Holds `perm` itself (for an action: on every record). */
export function can(access: Access | null | undefined, perm: Permission): boolean {
  if (!access) return false;
  return access.isAdmin || access.permissions.has(perm);
}

/** Which records of a resource an action is allowed on: all of them, the user's own, or none. */
export type RecordScope = "all" | "own" | null;

/**
 * The scope `access` grants for `action` on a resource: `all` with
 * `<resource>:<action>` (or the admin role), `own` with
 * `<resource>:<action>:own` where the resource has an owner column.
 */
export function scopeOf(access: Access | null | undefined, resource: { name: string; owner?: unknown }, action: Action): RecordScope {
  if (!access) return null;
  if (access.isAdmin || access.permissions.has(permission(resource.name, action))) return "all";
  if (resource.owner && access.permissions.has(ownPermission(resource.name, action))) return "own";
  return null;
}

/** May do `action` on at least some records (their own, or all). */
export function mayAct(access: Access | null | undefined, resource: { name: string; owner?: unknown }, action: Action): boolean {
  return scopeOf(access, resource, action) !== null;
}

/**
 * Whether `access` holds `perm` for delegation: the permission itself, or a
 * wider one (`items:update` covers `items:update:own`). Admins hold everything.
 */
export function holds(access: Access | null | undefined, perm: string): boolean {
  if (!access) return false;
  if (access.isAdmin || access.permissions.has(perm)) return true;
  return perm.endsWith(":own") && access.permissions.has(perm.slice(0, -":own".length));
}

/** True when the user holds at least one permission of any resource. */
export function isStaff(access: Access | null | undefined): boolean {
  return !!access && (access.isAdmin || access.permissions.size > 0);
}

export type AdminIndexAccess = "signed-in" | "staff" | "admin";

/** Who may open the /admin index: any signed-in user, users with any permission, or admins only. */
export function mayOpenAdminIndex(access: Access | null | undefined, setting: AdminIndexAccess): boolean {
  if (!access) return false;
  if (setting === "admin") return access.isAdmin;
  if (setting === "staff") return isStaff(access);
  return true;
}
