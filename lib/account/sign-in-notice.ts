import "server-only";
import type { Actor } from "../audit";
import { getDb } from "../db";
import { updateUser } from "../users/service";

/**
 * Stores the choice through the users' write pipeline (one audited write,
 * `sign-in-notice-change`, "on" or "off"); no session ends. Read by
 * recordSignIn (lib/auth/sign-in-record.ts) at each sign-in.
 */
export async function setOwnSignInNotice(userId: string, on: boolean, actor: Actor): Promise<boolean> {
  const saved = await updateUser(getDb(), userId, {}, actor, { auditAction: "sign-in-notice-change", auditSummary: on ? "on" : "off", columns: { notifyNewSignInAddress: on } });
  return saved.ok;
}
