"use client";

import { useEffect } from "react";

/**
 * Tells the server the browser's time zone (the `tz` cookie, read by
 * lib/time-zone.ts) so that times render in it when the user chose none on
 * /account; until then, and without JavaScript, they render in UTC. Renders nothing.
 */
export function TimeZoneCookie() {
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return;
    const value = encodeURIComponent(zone);
    if (document.cookie.split("; ").includes(`tz=${value}`)) return;
    document.cookie = `tz=${value}; path=/; max-age=31536000; samesite=lax${location.protocol === "https:" ? "; secure" : ""}`;
  }, []);
  return null;
}
