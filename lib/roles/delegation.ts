import { eq } from "drizzle-orm";
import type { Db, Tx } from "../db";
import { roles } from "../db/schema";
import { holds } from "../permissions";
import type { Editor, EditPolicy } from "../resources/types";

/**
 * Who may change which roles in the panel: a role editor grants or revokes
 * only permissions they hold themselves, and deletes no role holding one they
 * do not (that would revoke it from the role's members). Admins hold every
 * permission; holding `items:update` covers granting `items:update:own`. The CLI is the operator's tool and is not bound by these.
 */

export const PERMISSION_REASON = "You can grant or revoke only permissions you hold yourself.";
export const FOREIGN_ROLE_REASON = "This role holds permissions you do not hold: only someone holding them all can delete it.";

export async function rolesPolicy(db: Db | Tx, editor: Editor, id: string | number | null, before: Record<string, unknown> | null): Promise<EditPolicy> {
  if (editor.access.isAdmin) return {};
  const held = (p: string) => holds(editor.access, p);
  const policy: EditPolicy = { lockedChoices: { permissions: { isLocked: (p) => !held(p), reason: PERMISSION_REASON } } };
  if (id !== null) {
    const current = (before?.permissions as string[] | undefined) ?? (await db.select({ permissions: roles.permissions }).from(roles).where(eq(roles.id, Number(id))))[0]?.permissions ?? [];
    if (current.some((p) => !held(p))) policy.deleteRefused = FOREIGN_ROLE_REASON;
  }
  return policy;
}
