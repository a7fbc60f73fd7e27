import { UserFacingError } from "../errors";
import type { Db } from "../db";
import { translator } from "../i18n/translator";
import { newPasswordProblem } from "../users/new-password";
import { updateUser } from "../users/service";
import { sendSoon } from "./flush";
import { queueNotice } from "./notices";
import { findUsableToken, spendToken } from "./tokens";

export type PasswordLink = "reset" | "invite";
type Field = "password" | "confirm";
export type SetPasswordResult = { ok: true } | { ok: false; message: string; fieldErrors?: Partial<Record<Field, string>>; linkGone?: boolean };

/**
 * A password chosen through a mailed link (a reset, or an invitation): the
 * link is spent in the same write that stores the password (the users
 * pipeline: policy, hash, security stamp so every session ends, audit), so
 * of two requests with one link only one sets a password. Any other reset or
 * invitation link of the user stops working; two-factor, if on, stays on and
 * is asked at the next sign-in. An invitation also marks the address confirmed.
 */
export async function setPasswordByLink(db: Db, kind: PasswordLink, raw: unknown, input: Record<Field, unknown>, address: string): Promise<SetPasswordResult> {
  const [auth, t] = await Promise.all([translator("auth"), translator("mail.links")]);
  const gone: SetPasswordResult = { ok: false, message: t("invalid"), linkGone: true };
  const token = await findUsableToken(db, raw, [kind]);
  if (!token || typeof raw !== "string") return gone;
  const fix = (field: Field, problem: string): SetPasswordResult => ({ ok: false, message: auth("fixFields"), fieldErrors: { [field]: problem } });
  const password = String(input.password ?? "").slice(0, 1024);
  const problem = await newPasswordProblem(password, { email: token.email });
  if (problem) return fix("password", problem);
  if (password !== String(input.confirm ?? "").slice(0, 1024)) return fix("confirm", t("mismatch"));
  const saved = await updateUser(db, token.userId, { password }, { id: token.userId, email: token.email, address }, {
    auditAction: kind === "reset" ? "password-reset" : "invitation-accept",
    hooks: { endSessions: true },
    columns: kind === "invite" ? { emailVerified: new Date() } : undefined,
    inTransaction: async (tx) => {
      if (!(await spendToken(tx, raw, [kind], token.userId, ["reset", "invite"]))) throw new UserFacingError(t("invalid"));
      if (kind === "reset") await queueNotice(tx, token.userId, "passwordChanged");
    },
  });
  if (saved.ok) {
    void sendSoon(db);
    return { ok: true };
  }
  if (saved.fieldErrors?.password) return fix("password", saved.fieldErrors.password);
  return saved.message === t("invalid") ? gone : { ok: false, message: saved.message };
}
