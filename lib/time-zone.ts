import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";

/**
 * One rule for every time the panel shows: the viewer's time zone, which the
 * browser writes into the `tz` cookie (components/time-zone-cookie.tsx), else
 * UTC; formatted on the server, so no cell needs a client component.
 */

export const TZ_COOKIE = "tz";
export const FALLBACK_ZONE = "UTC";

const formats = new Map<string, Intl.DateTimeFormat>();
/** More zones than the world has: a forged cookie cannot grow the cache without end. */
const MAX_FORMATS = 1_000;

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" });
    if (formats.size < MAX_FORMATS) formats.set(timeZone, format);
  }
  return format;
}

/** The cookie's zone if it is one Intl knows (an IANA name such as "Europe/Berlin"), else null. */
export function validTimeZone(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.length > 64 || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(raw)) return null;
  try {
    return formatFor(raw).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** "2025-01-05 15:30 GMT+1" (or the date only) in `timeZone`. */
export function formatInstant(value: Date, timeZone: string, dateOnly = false): string {
  const parts: Record<string, string> = {};
  for (const p of formatFor(timeZone).formatToParts(value)) parts[p.type] = p.value;
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  return dateOnly ? day : `${day} ${parts.hour}:${parts.minute} ${parts.timeZoneName}`;
}

/** The viewer's zone, read once per request. */
export const viewerTimeZone = cache(async (): Promise<string> => validTimeZone((await cookies()).get(TZ_COOKIE)?.value) ?? FALLBACK_ZONE);

/**
 * The same, for synchronous rendering: a page that shows many times awaits
 * `loadTimeZone()` once before rendering, and each cell then reads it here
 * without awaiting (undefined: not loaded for this request yet).
 */
const loaded = cache(() => ({ zone: undefined as string | undefined }));

export async function loadTimeZone(): Promise<string> {
  const zone = await viewerTimeZone();
  loaded().zone = zone;
  return zone;
}

export function loadedTimeZone(): string | undefined {
  return loaded().zone;
}
