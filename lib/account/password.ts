import "server-only";
import { checkCurrentPassword } from "../auth/current-password";
import { getDb } from "../db";
import { translator } from "../i18n/translator";
import { newPasswordProblem } from "../users/new-password";
import { updateUser } from "../users/service";
import { sendSoon } from "../mail/flush";
import { queueNotice } from "../mail/notices";

type Field = "current" | "password" | "confirm";
export type OwnPasswordResult = { ok: true } | { ok: false; message: string; fieldErrors?: Partial<Record<Field, string>> };

/**
 * A user changes their own password on /account: the current one is checked
 * as a sign-in attempt, the new one goes through the same write as every other
 * door (users/service.ts, the users definition's hooks: policy, hash, sessions
 * ended), audited as `password-change`. The caller signs this session in again.
 * Every answer is in the request's language.
 */
export async function changeOwnPassword(user: { id: string; email: string; name: string | null }, input: Record<Field, unknown>, address: string): Promise<OwnPasswordResult> {
  const [auth, t] = await Promise.all([translator("auth"), translator("account.password.errors")]);
  const fix = (field: Field, problem: string): OwnPasswordResult => ({ ok: false, message: auth("fixFields"), fieldErrors: { [field]: problem } });
  const password = String(input.password ?? "").slice(0, 1024);
  const wrong = await checkCurrentPassword(user, input.current, address, "Change password");
  if (wrong === "throttled") return { ok: false, message: auth("throttled") };
  if (wrong === "busy") return { ok: false, message: auth("busy") };
  if (wrong) return fix("current", t("currentWrong"));
  // Checked again inside the write; here too, so its reason comes before a mismatch of the two.
  const problem = await newPasswordProblem(password, user);
  if (problem) return fix("password", problem);
  if (password !== String(input.confirm ?? "").slice(0, 1024)) return fix("confirm", t("mismatch"));
  const saved = await updateUser(getDb(), user.id, { password }, { id: user.id, email: user.email, address }, { auditAction: "password-change", inTransaction: (tx) => queueNotice(tx, user.id, "passwordChanged") });
  if (saved.ok) void sendSoon();
  if (saved.ok) return { ok: true };
  return saved.fieldErrors?.password ? fix("password", saved.fieldErrors.password) : { ok: false, message: saved.message };
}
