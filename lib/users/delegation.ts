import { eq } from "drizzle-orm";
import type { Db, Tx } from "../db";
import { roles, userRoles } from "../db/schema";
import { translator } from "../i18n/translator";
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

/** Whether `editor` may grant or take away a role with these permissions. */
export function mayDelegate(editor: Editor, role: { name: string; permissions: readonly string[] }): boolean {
  if (editor.access.isAdmin) return true;
  return role.name !== ADMIN_ROLE && role.permissions.every((p) => holds(editor.access, p));
}

function rolesOf(db: Db | Tx, userId: string) {
  return db.select({ name: roles.name, permissions: roles.permissions }).from(userRoles).innerJoin(roles, eq(roles.id, userRoles.roleId)).where(eq(userRoles.userId, userId));
}

export async function usersPolicy(db: Db | Tx, editor: Editor, id: string | number | null, _before: Record<string, unknown> | null): Promise<EditPolicy> {
  const t = await translator("engine");
  if (id !== null && !editor.access.isAdmin) {
    const held = await rolesOf(db, String(id));
    if (held.some((r) => r.name === ADMIN_ROLE)) return { readOnly: t("users.adminAccount") };
    if (held.some((r) => !mayDelegate(editor, r))) return { readOnly: t("users.strongerAccount") };
  }
  const policy: EditPolicy = { locked: {}, lockedChoices: {} };
  if (id !== null && String(id) === editor.id) {
    policy.locked!.roles = t("users.self");
    policy.locked!.active = t("users.self");
  }
  if (!editor.access.isAdmin) {
    const all = await db.select({ id: roles.id, name: roles.name, permissions: roles.permissions }).from(roles);
    const out = new Set(all.filter((r) => !mayDelegate(editor, r)).map((r) => String(r.id)));
    if (out.size) policy.lockedChoices!.roles = { isLocked: (v) => out.has(v), reason: t("users.grantRole") };
  }
  return policy;
}
