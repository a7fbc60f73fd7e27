import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { cookies, headers } from "next/headers";
import { getDb } from "../db";
import { env } from "../env";
import { can, mayOpenAdminIndex, type Permission } from "../permissions";
import type { UserAccess } from "../users/queries";
import { safeCallbackUrl } from "./callback-url";
import { mustSetUpTwoFactor, TWO_FACTOR_SETUP_PATH } from "./two-factor/required";
import { readSessionToken } from "./session";
import { checkedSessionUser } from "./session-check";

/**
 * The data access layer for authentication and authorization. Every page,
 * server action and route handler calls one of these before touching data;
 * middleware is only the first gate and checks no permission.
 */

/**
 * The signed-in user, or null when anonymous: the session cookie decrypted
 * once and the user with their roles read in one query, once per request.
 * Deactivation, a new password or roles (security stamp), a revoked session
 * and the absolute lifetime all take effect here, on the next request.
 */
export const getSession = cache(async (): Promise<UserAccess | null> => {
  const found = await readSessionToken(await cookies());
  return found?.token ? await checkedSessionUser(getDb(), found.token) : null;
});

async function currentPath(): Promise<string> {
  const h = await headers();
  return safeCallbackUrl(h.get("x-gatehouse-path"), "/");
}

/**
 * The signed-in user, or a redirect to the sign-in page that comes back here.
 * Members of REQUIRE_2FA_ROLES without two-factor are sent to set it up first.
 */
export async function requireUser(): Promise<UserAccess> {
  const user = await requireUserForTwoFactorSetup();
  if (await mustSetUpTwoFactor(getDb(), user)) redirect(TWO_FACTOR_SETUP_PATH);
  return user;
}

/** requireUser for the two-factor set-up page and its actions, the one place such users may reach. */
export async function requireUserForTwoFactorSetup(): Promise<UserAccess> {
  const user = await getSession();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(await currentPath())}`);
  return user;
}

/** The signed-in user holding `perm`; anonymous users are sent to sign in, others get 403. */
export async function requirePermission(perm: Permission): Promise<UserAccess> {
  const user = await requireUser();
  if (!can(user.access, perm)) forbidden();
  return user;
}

export async function requireAdminIndex(): Promise<UserAccess> {
  const user = await requireUser();
  if (!mayOpenAdminIndex(user.access, env.ADMIN_INDEX_ACCESS)) forbidden();
  return user;
}
