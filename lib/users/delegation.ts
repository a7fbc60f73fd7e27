import { eq } from "drizzle-orm";
import type { Db, Tx } from "../db";
import { roles, userRoles } from "../db/schema";
import { ADMIN_ROLE, holds } from "../permissions";
import type { Editor, EditPolicy } from "../resources/types";

/**
 * Who may change which user accounts in the panel. The CLI is the operator's
 * tool and is not bound by these.
 *
 * - Only admins change an admin's account (any field), grant or remove `admin`.
 * - Nobody grants or removes a role holding a permission they do not hold, nor
 *   changes an account holding one (a new password would let them sign in as it).
 * - Nobody changes their own roles or active flag here (the account page is for that).
 */

export const ADMIN_ACCOUNT_REASON = "Only admins can change an admin's account.";
export const SELF_REASON = "You cannot change your own roles or active flag; another administrator can.";
export const STRONGER_ACCOUNT_REASON = "This account holds permissions you do not hold: only someone holding them all can change it.";
export const ROLE_REASON = "You can grant or remove only roles whose permissions you all hold; only admins grant admin.";

/** Whether `editor` may grant or take away a role with these permissions. */
export function mayDelegate(editor: Editor, role: { name: string; permissions: readonly string[] }): boolean {
  if (editor.access.isAdmin) return true;
  return role.name !== ADMIN_ROLE && role.permissions.every((p) => holds(editor.access, p));
}

function rolesOf(db: Db | Tx, userId: string) {
  return db.select({ name: roles.name, permissions: roles.permissions }).from(userRoles).innerJoin(roles, eq(roles.id, userRoles.roleId)).where(eq(userRoles.userId, userId));
}

export async function usersPolicy(db: Db | Tx, editor: Editor, id: string | number | null, _before: Record<string, unknown> | null): Promise<EditPolicy> {
  if (id !== null && !editor.access.isAdmin) {
    const held = await rolesOf(db, String(id));
    if (held.some((r) => r.name === ADMIN_ROLE)) return { readOnly: ADMIN_ACCOUNT_REASON };
    if (held.some((r) => !mayDelegate(editor, r))) return { readOnly: STRONGER_ACCOUNT_REASON };
  }
  const policy: EditPolicy = { locked: {}, lockedChoices: {} };
  if (id !== null && String(id) === editor.id) {
    policy.locked!.roles = SELF_REASON;
    policy.locked!.active = SELF_REASON;
  }
  if (!editor.access.isAdmin) {
    const all = await db.select({ id: roles.id, name: roles.name, permissions: roles.permissions }).from(roles);
    const out = new Set(all.filter((r) => !mayDelegate(editor, r)).map((r) => String(r.id)));
    if (out.size) policy.lockedChoices!.roles = { isLocked: (v) => out.has(v), reason: ROLE_REASON };
  }
  return policy;
}
