import "server-only";
import type { Actor } from "../audit";
import { getDb } from "../db";
import { servedLocale, type Locale } from "../i18n/locales";
import { updateUser } from "../users/service";

/** What the Language choice on /account sends: "" for the browser's language, or a served locale. */
export function chosenLocale(value: string): { ok: true; locale: Locale | null } | { ok: false } {
  if (value === "") return { ok: true, locale: null };
  const locale = servedLocale(value);
  return locale ? { ok: true, locale } : { ok: false };
}

/**
 * Stores the user's language through the users' write pipeline (one audited
 * write, `locale-change`). The session check reads it with the user on every
 * request, so the next page is in that language; no session ends.
 */
export async function setOwnLocale(userId: string, locale: Locale | null, actor: Actor): Promise<boolean> {
  const saved = await updateUser(getDb(), userId, {}, actor, { auditAction: "locale-change", auditSummary: locale ?? "browser default", columns: { locale } });
  return saved.ok;
}
