import type { Db } from "../../db";
import { env } from "../../env";
import { hasTwoFactor } from "../second-factors";

/** Where members of REQUIRE_2FA_ROLES without two-factor are sent, and all they may reach. */
export const TWO_FACTOR_SETUP_PATH = "/account/two-factor";

/** True when the user holds a role in REQUIRE_2FA_ROLES and has not set up two-factor. */
export async function mustSetUpTwoFactor(db: Db, user: { id: string; roleNames: readonly string[]; twoFactorEnabled?: boolean }, required: readonly string[] = env.REQUIRE_2FA_ROLES): Promise<boolean> {
  if (required.length === 0 || !user.roleNames.some((r) => required.includes(r))) return false;
  // The session's user already knows (read in its one query); others are looked up.
  return !(user.twoFactorEnabled ?? (await hasTwoFactor(db, user.id)));
}
