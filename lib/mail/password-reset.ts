import { eq } from "drizzle-orm";
import type { Actor } from "../audit";
import type { Db } from "../db";
import { users } from "../db/schema";
import { normalizeEmail } from "../email";
import { updateUser } from "../users/service";
import { sendSoon } from "./flush";
import { enqueueMail } from "./outbox";
import { renderMail } from "./render";
import { mayAskForLink } from "./throttle";
import { issueToken } from "./tokens";

/** A reset link works for an hour. */
export const RESET_HOURS = 1;

/**
 * "Forgot password?": for an active account with this address, a new reset
 * link (replacing any older one) and its mail, in one audited write; for any
 * other address, nothing. The caller answers the same in both cases; only a
 * throttled request (per address asked about and per client) is told apart,
 * and that too whether or not the account exists.
 */
export async function requestPasswordReset(db: Db, rawEmail: string, address: string): Promise<"sent" | "throttled"> {
  const email = normalizeEmail(rawEmail);
  if (!(await mayAskForLink(email, address))) return "throttled";
  const [user] = await db.select({ id: users.id, active: users.active, locale: users.locale }).from(users).where(eq(users.email, email));
  if (!user?.active) return "sent";
  const actor: Actor = { id: null, email: null, address };
  const result = await updateUser(db, user.id, {}, actor, {
    auditAction: "password-reset-request",
    auditSummary: email,
    inTransaction: async (tx) => {
      const token = await issueToken(tx, user.id, "reset", RESET_HOURS);
      await enqueueMail(tx, await renderMail({ kind: "reset", to: email, locale: user.locale, values: { email }, link: `/password/reset?token=${token}` }));
    },
  });
  if (result.ok) void sendSoon(db);
  return "sent";
}
