import { DateTime } from "./resource/value";

/**
 * A timestamp in the viewer's time zone and language, by the panel's one rule
 * (see lib/time-zone.ts): formatted on the server like every list cell, so the
 * same instant reads the same on a list, a details page, the history and /account.
 */
export function LocalTime({ iso, dateOnly = false }: { iso: string; dateOnly?: boolean }) {
  return <DateTime value={new Date(iso)} dateOnly={dateOnly} />;
}
