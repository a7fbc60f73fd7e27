import "server-only";
import { getDb } from "../db";
import { env } from "../env";
import { mayOpenAdminIndex, type Access } from "../permissions";
import { normalizeEmail } from "../email";
import { findUserForSignIn, getUserAccess } from "../users/queries";

/** The admin index: where a sign-in without a callbackUrl lands. */
export const ADMIN_INDEX = "/admin";

/**
 * Where a signed-in user lands when nothing asked for a page: the admin index,
 * or the home page for whom ADMIN_INDEX_ACCESS keeps out of it (no 403 as a welcome).
 */
export function landingFor(access: Access | null | undefined): string {
  return env.ADMIN_INDEX_ACCESS === "signed-in" || mayOpenAdminIndex(access, env.ADMIN_INDEX_ACCESS) ? ADMIN_INDEX : "/";
}

/** landingFor a user just signed in (by id or email); reads their roles only when the setting makes it matter. */
export async function landingForUser(who: { id: string } | { email: string }): Promise<string> {
  if (env.ADMIN_INDEX_ACCESS === "signed-in") return ADMIN_INDEX;
  const db = getDb();
  const id = "id" in who ? who.id : (await findUserForSignIn(db, normalizeEmail(who.email)))?.id;
  const user = id ? await getUserAccess(db, id) : null;
  return landingFor(user?.access);
}
