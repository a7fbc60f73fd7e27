import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { validTimeZone } from "./time-format";

export { formatInstant } from "./time-format";

/**
 * One rule for every time the panel shows: the viewer's time zone, which the
 * browser writes into the `tz` cookie (components/time-zone-cookie.tsx), else
 * UTC; formatted on the server, so no cell needs a client component.
 */

export const TZ_COOKIE = "tz";
export const FALLBACK_ZONE = "UTC";

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
