/** Pure permission rules, shared by middleware, the data access layer, the CLI and tests. */

export const ACTIONS = ["view", "create", "update", "delete", "export"] as const;
export type Action = (typeof ACTIONS)[number];
export type Permission = `${string}:${Action}`;

/** The superuser role: every permission, present and future. */
export const ADMIN_ROLE = "admin";

const PERMISSION_RE = /^([a-z][a-z0-9-]*):(view|create|update|delete|export)$/;

export function isPermission(value: string): value is Permission {
  return PERMISSION_RE.test(value);
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

export function can(access: Access | null | undefined, perm: Permission): boolean {
  if (!access) return false;
  return access.isAdmin || access.permissions.has(perm);
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
