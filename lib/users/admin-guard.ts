import { and, eq, isNotNull, sql } from "drizzle-orm";
import { writeTransaction, type Db, type Tx } from "../db";
import { roles, userRoles, users } from "../db/schema";
import { UserFacingError } from "../errors";
import { translator } from "../i18n/translator";
import { ADMIN_ROLE } from "../permissions";
import type { WriteGuard } from "../resources/hooks";

/** Admins who can sign in: active, with a password (an invited admin who has not chosen one yet does not count). */
export async function countActiveAdmins(tx: Db | Tx): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(distinct ${users.id})`.mapWith(Number) })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .where(and(eq(roles.name, ADMIN_ROLE), eq(users.active, true), isNotNull(users.passwordHash)));
  return row?.n ?? 0;
}

/**
 * The last-admin rule, registered as a write guard by the users and roles
 * definitions: a change is rolled back if afterwards no active admin is left.
 * Checking after the change, not before, covers every path at once: demotion,
 * deactivation, deletion, of oneself or of two admins by two requests.
 * Guarded changes run one at a time (SQLite's write lock; on PostgreSQL a
 * transaction-scoped advisory lock), so two of them never both pass on
 * counts that the other is about to change.
 */
export const adminGuard: WriteGuard = {
  lock: "admins",
  async before(tx) {
    const hadAdmins = (await countActiveAdmins(tx)) > 0;
    return async (after) => (hadAdmins && (await countActiveAdmins(after)) === 0 ? (await translator("engine"))("users.lastAdmin") : null);
  },
};

/** `change` in a write transaction under the last-admin guard, for writes outside the engine. */
export function withAdminGuard<T>(db: Db, change: (tx: Tx) => Promise<T>): Promise<T> {
  return writeTransaction(
    db,
    async (tx) => {
      const check = await adminGuard.before(tx);
      const result = await change(tx);
      const refused = await check(tx);
      if (refused) throw new UserFacingError(refused);
      return result;
    },
    { lock: adminGuard.lock },
  );
}

export type { Tx };
