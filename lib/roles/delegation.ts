import { eq } from "drizzle-orm";
import type { Db, Tx } from "../db";
import { roles } from "../db/schema";
import { env } from "../env";
import { translator } from "../i18n/translator";
import { holds } from "../permissions";
import type { Editor, EditPolicy } from "../resources/types";

/**
 * Who may change which roles in the panel: a role editor grants or revokes
 * only permissions they hold themselves, and deletes no role holding one they
 * do not (that would revoke it from the role's members). Admins hold every
 * permission; holding `items:update` covers granting `items:update:own`. No
 * one renames a role listed in REQUIRE_2FA_ROLES. The CLI is the operator's
 * tool and is not bound by these.
 */

export async function rolesPolicy(db: Db | Tx, editor: Editor, id: string | number | null, before: Record<string, unknown> | null): Promise<EditPolicy> {
  const current = id === null ? null : before ? { name: before.name as string, permissions: (before.permissions as string[] | null) ?? [] } : ((await db.select({ name: roles.name, permissions: roles.permissions }).from(roles).where(eq(roles.id, Number(id))))[0] ?? null);
  const t = await translator("engine");
  // Whoever edits, admins included: REQUIRE_2FA_ROLES names roles, so a rename would free their members.
  const locked = current && env.REQUIRE_2FA_ROLES.includes(current.name) ? { name: t("roles.requiredRole") } : undefined;
  if (editor.access.isAdmin) return locked ? { locked } : {};
  const held = (p: string) => holds(editor.access, p);
  const policy: EditPolicy = { locked, lockedChoices: { permissions: { isLocked: (p) => !held(p), reason: t("roles.grantPermission") } } };
  if (current?.permissions.some((p) => !held(p))) policy.deleteRefused = t("roles.foreignRole");
  return policy;
}
