import "server-only";
import { loadedWords, requestWords } from "./i18n/server";
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
 * without awaiting (undefined: not loaded for this request yet). The zone is
 * the one the request's words were read with (lib/i18n/request.ts asks
 * viewerTimeZone), held with its locale in one per-request slot.
 */
export async function loadTimeZone(): Promise<string> {
  try {
    return (await requestWords()).timeZone;
  } catch {
    return viewerTimeZone(); // no next-intl request (a page called directly, as the unit tests do)
  }
}

export function loadedTimeZone(): string | undefined {
  return loadedWords()?.timeZone;
}

/** `value` in `timeZone` as lib/time-format.ts writes it, in the locale loaded with the zone (loadTimeZone). */
export function formatInstant(value: Date, timeZone: string, dateOnly = false): string {
  return formatIn(value, timeZone, dateOnly, loadedWords()?.locale ?? "en");
}
