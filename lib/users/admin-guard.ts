import { and, eq, sql } from "drizzle-orm";
import { writeTransaction, type Db, type Tx } from "../db";
import { roles, userRoles, users } from "../db/schema";
import { UserFacingError } from "../errors";
import { ADMIN_ROLE } from "../permissions";

export async function countActiveAdmins(tx: Db | Tx): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(distinct ${users.id})`.mapWith(Number) })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .where(and(eq(roles.name, ADMIN_ROLE), eq(users.active, true)));
  return row?.n ?? 0;
}

/**
 * Runs `change` in a write transaction and rolls it back if afterwards no
 * active admin is left. Checking after the change, not before, covers every
 * path at once: demotion, deactivation, deletion, of oneself or of two admins
 * by two requests. Guarded changes run one at a time (SQLite's write lock; on
 * PostgreSQL a transaction-scoped advisory lock), so two of them never both
 * pass on counts that the other is about to change.
 */
export function withAdminGuard<T>(db: Db, change: (tx: Tx) => Promise<T>): Promise<T> {
  return writeTransaction(
    db,
    async (tx) => {
      const hadAdmins = (await countActiveAdmins(tx)) > 0;
      const result = await change(tx);
      if (hadAdmins && (await countActiveAdmins(tx)) === 0) {
        throw new UserFacingError("This is the last active admin: it cannot be removed, demoted or deactivated.");
      }
      return result;
    },
    { lock: "admins" },
  );
}

export type { Tx };
