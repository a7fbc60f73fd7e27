/** Times as the panel shows them, in a given IANA time zone (see lib/time-zone.ts for whose). */

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
    // Checked without caching: the cache holds canonical names only, so variants of one
    // name ("europe/berlin", "EUROPE/BERLIN", …) cannot crowd out the zones in use.
    const zone = new Intl.DateTimeFormat("en-US", { timeZone: raw }).resolvedOptions().timeZone;
    return formatFor(zone).resolvedOptions().timeZone;
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
