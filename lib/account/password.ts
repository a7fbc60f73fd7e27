import "server-only";
import { checkCurrentPassword } from "../auth/current-password";
import { BUSY, THROTTLED } from "../auth/messages";
import { getDb } from "../db";
import { newPassword } from "../users/new-password";
import { storePasswordHash } from "../users/service";

type Field = "current" | "password" | "confirm";
export type OwnPasswordResult = { ok: true } | { ok: false; message: string; fieldErrors?: Partial<Record<Field, string>> };

const fix = (field: Field, problem: string): OwnPasswordResult => ({ ok: false, message: "Please correct the highlighted fields.", fieldErrors: { [field]: problem } });

/**
 * A user changes their own password on /account: the current one is checked
 * as a sign-in attempt, the new one through the same policy and write as every
 * other door (users/service.ts: hashed, sessions ended, audited as
 * `password-change`). The caller signs this session in again afterwards.
 */
export async function changeOwnPassword(user: { id: string; email: string; name: string | null }, input: Record<Field, unknown>, address: string): Promise<OwnPasswordResult> {
  const password = String(input.password ?? "").slice(0, 1024);
  const wrong = await checkCurrentPassword(user, input.current, address, "Change password");
  if (wrong === "throttled") return { ok: false, message: THROTTLED };
  if (wrong === "busy") return { ok: false, message: BUSY };
  if (wrong) return fix("current", "The current password is not correct.");
  const checked = await newPassword(password, user);
  if (!checked.ok) return fix("password", checked.problem);
  if (password !== String(input.confirm ?? "").slice(0, 1024)) return fix("confirm", "The two passwords do not match.");
  await storePasswordHash(getDb(), user.id, checked.hash, { id: user.id, email: user.email, address }, "password-change");
  return { ok: true };
}
