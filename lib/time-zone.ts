import "server-only";
import { currentLocale } from "./i18n/server";
import { cookies } from "next/headers";
import { cache } from "react";
import { getSession } from "./auth/dal";
import { formatInstant as formatIn, resolveTimeZone } from "./time-format";

export { FALLBACK_ZONE } from "./time-format";

/**
 * One rule for every time the panel shows: the user's time zone chosen on
 * /account, else the browser's, which it writes into the `tz` cookie
 * (components/time-zone-cookie.tsx), else UTC; formatted on the server in the
 * request's locale, so no cell needs a client component.
 */

export const TZ_COOKIE = "tz";

/** The signed-in user's stored zone, from the session read this request makes anyway (lib/auth/dal). */
async function storedTimeZone(): Promise<string | null> {
  try {
    return (await getSession())?.timeZone ?? null;
  } catch {
    // The database did not answer: the page itself says so; its times follow the browser.
    return null;
  }
}

async function cookieTimeZone(): Promise<string | undefined> {
  try {
    return (await cookies()).get(TZ_COOKIE)?.value;
  } catch {
    return undefined; // outside a request (the CLI, unit tests)
  }
}

/** The viewer's zone, read once per request. */
export const viewerTimeZone = cache(async (): Promise<string> => {
  const [stored, cookie] = await Promise.all([storedTimeZone(), cookieTimeZone()]);
  return resolveTimeZone(stored, cookie);
});

/**
 * The same, for synchronous rendering: a page that shows many times awaits
 * `loadTimeZone()` once before rendering, and each cell then reads it here
 * without awaiting (undefined: not loaded for this request yet). The
 * request's locale is loaded with it, for formatInstant below.
 */
const loaded = cache(() => ({ zone: undefined as string | undefined, locale: "en" }));

export async function loadTimeZone(): Promise<string> {
  const [zone, locale] = await Promise.all([viewerTimeZone(), currentLocale()]);
  const slot = loaded();
  slot.locale = locale;
  slot.zone = zone;
  return zone;
}

export function loadedTimeZone(): string | undefined {
  return loaded().zone;
}

/** `value` in `timeZone` as lib/time-format.ts writes it, in the locale loaded with the zone (loadTimeZone). */
export function formatInstant(value: Date, timeZone: string, dateOnly = false): string {
  return formatIn(value, timeZone, dateOnly, loaded().locale);
}
