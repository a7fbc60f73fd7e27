import { and, eq, sql } from "drizzle-orm";
import { writeTransaction, type Db, type Tx } from "../db";
import { roles, userRoles, users } from "../db/schema";
import { UserFacingError } from "../errors";
import { ADMIN_ROLE } from "../permissions";

export function countActiveAdmins(tx: Db | Tx): number {
  const row = tx
    .select({ n: sql<number>`count(distinct ${users.id})` })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .where(and(eq(roles.name, ADMIN_ROLE), eq(users.active, true)))
    .get();
  return row?.n ?? 0;
}

/**
 * Runs `change` in an IMMEDIATE transaction (the write lock is taken up front,
 * so concurrent changes from any process are serialised) and rolls it back if
 * afterwards no active admin is left. Checking after the change, not before,
 * covers every path at once: demotion, deactivation, deletion, of oneself or
 * of two admins by two requests.
 */
export function withAdminGuard<T>(db: Db, change: (tx: Tx) => T): T {
  return writeTransaction(db, (tx) => {
    const hadAdmins = countActiveAdmins(tx) > 0;
    const result = change(tx);
    if (hadAdmins && countActiveAdmins(tx) === 0) {
      throw new UserFacingError("This is the last active admin: it cannot be removed, demoted or deactivated.");
    }
    return result;
  });
}

export type { Tx };
