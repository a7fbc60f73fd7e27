import type { Db } from "../db";
import { UserFacingError } from "../errors";
import { translator } from "../i18n/translator";
import { updateUser } from "../users/service";
import { findUsableToken, spendToken } from "./tokens";

/**
 * "This was not me", from a security notice: every session of the account
 * ends (its security stamp rotates), audited as `not-me`; the link is spent.
 */
export async function reportNotMe(db: Db, raw: unknown, address: string): Promise<{ ok: boolean; message?: string }> {
  const t = await translator("mail.links");
  const token = await findUsableToken(db, raw, ["not-me"]);
  if (!token || typeof raw !== "string") return { ok: false, message: t("invalid") };
  const saved = await updateUser(db, token.userId, {}, { id: token.userId, email: token.email, address }, {
    auditAction: "not-me",
    hooks: { endSessions: true },
    inTransaction: async (tx) => {
      if (!(await spendToken(tx, raw, ["not-me"], token.userId, []))) throw new UserFacingError(t("invalid"));
    },
  });
  return saved.ok ? { ok: true } : { ok: false, message: saved.message };
}
