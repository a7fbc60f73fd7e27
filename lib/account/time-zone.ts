import "server-only";
import type { Actor } from "../audit";
import { getDb } from "../db";
import { selectableTimeZones } from "../time-format";
import { updateUser } from "../users/service";

/** What the Time zone choice on /account sends: "" for the browser's zone, or one of the zones it offers. */
export function chosenTimeZone(value: string): { ok: true; timeZone: string | null } | { ok: false } {
  if (value === "") return { ok: true, timeZone: null };
  return selectableTimeZones().includes(value) ? { ok: true, timeZone: value } : { ok: false };
}

/**
 * Stores the user's time zone through the users' write pipeline (one audited
 * write, `time-zone-change`). The session check reads it with the user on
 * every request, so the next page shows times in it; no session ends.
 */
export async function setOwnTimeZone(userId: string, timeZone: string | null, actor: Actor): Promise<boolean> {
  const saved = await updateUser(getDb(), userId, {}, actor, { auditAction: "time-zone-change", auditSummary: timeZone ?? "browser default", columns: { timeZone } });
  return saved.ok;
}
