import { asc, eq } from "drizzle-orm";
import type { Db } from "../db";
import { roles, userRoles, users } from "../db/schema";

/** Email, active flag and role names of every user (for the CLI). */
export async function listUsersSummary(db: Db) {
  const rows = await db
    .select({ email: users.email, active: users.active, role: roles.name })
    .from(users)
    .leftJoin(userRoles, eq(userRoles.userId, users.id))
    .leftJoin(roles, eq(roles.id, userRoles.roleId))
    .orderBy(asc(users.email), asc(roles.name));
  const byEmail = new Map<string, { email: string; active: boolean; roles: string[] }>();
  for (const r of rows) {
    const entry = byEmail.get(r.email) ?? { email: r.email, active: r.active, roles: [] };
    if (r.role) entry.roles.push(r.role);
    byEmail.set(r.email, entry);
  }
  return [...byEmail.values()];
}
