import { eq } from "drizzle-orm";
import type { Db, Tx } from "../db";
import { roles, userRoles } from "../db/schema";
import { ADMIN_ROLE } from "../permissions";
import type { Editor, EditPolicy } from "../resources/types";

/**
 * Who may change which user accounts in the panel. The CLI is the operator's
 * tool and is not bound by these.
 *
 * - Only admins change an admin's account (any field), grant or remove `admin`.
 * - Nobody grants or removes a role holding a permission they do not hold.
 * - Nobody changes their own roles or active flag here (the account page is for that).
 */

export const ADMIN_ACCOUNT_REASON = "Only admins can change an admin's account.";
export const SELF_REASON = "You cannot change your own roles or active flag; another administrator can.";
export const ROLE_REASON = "You can grant or remove only roles whose permissions you all hold; only admins grant admin.";

/** Whether `editor` may grant or take away a role with these permissions. */
export function mayDelegate(editor: Editor, role: { name: string; permissions: readonly string[] }): boolean {
  if (editor.access.isAdmin) return true;
  return role.name !== ADMIN_ROLE && role.permissions.every((p) => editor.access.permissions.has(p));
}

function holdsAdmin(db: Db | Tx, userId: string): boolean {
  const held = db.select({ name: roles.name }).from(userRoles).innerJoin(roles, eq(roles.id, userRoles.roleId)).where(eq(userRoles.userId, userId)).all();
  return held.some((r) => r.name === ADMIN_ROLE);
}

export function usersPolicy(db: Db | Tx, editor: Editor, id: string | number | null, _before: Record<string, unknown> | null): EditPolicy {
  if (id !== null && !editor.access.isAdmin && holdsAdmin(db, String(id))) return { readOnly: ADMIN_ACCOUNT_REASON };
  const policy: EditPolicy = { locked: {}, lockedChoices: {} };
  if (id !== null && String(id) === editor.id) {
    policy.locked!.roles = SELF_REASON;
    policy.locked!.active = SELF_REASON;
  }
  if (!editor.access.isAdmin) {
    const all = db.select({ id: roles.id, name: roles.name, permissions: roles.permissions }).from(roles).all();
    const out = new Set(all.filter((r) => !mayDelegate(editor, r)).map((r) => String(r.id)));
    if (out.size) policy.lockedChoices!.roles = { isLocked: (v) => out.has(v), reason: ROLE_REASON };
  }
  return policy;
}
