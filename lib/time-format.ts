/**
 * Times as the panel shows them, in a given IANA time zone (see lib/time-zone.ts
 * for whose) and a locale: English keeps the panel's sortable "2025-01-05 15:30 GMT+1";
 * any other language writes the date its own way through Intl ("5. Jan. 2025, 15:30").
 */

const formats = new Map<string, Intl.DateTimeFormat>();
/** More zones than the world has, for each language: a forged cookie cannot grow the cache without end. */
const MAX_FORMATS = 2_000;

/** The zone every time falls back to: no valid choice stored and no valid cookie. */
export const FALLBACK_ZONE = "UTC";

/** Whether `locale` uses the panel's English layout (English and its pseudo-locale en-XA). */
const isEnglish = (locale: string) => locale === "en" || locale.startsWith("en-");

function formatFor(timeZone: string, locale = "en", dateOnly = false, named = false): Intl.DateTimeFormat {
  const english = isEnglish(locale);
  const key = english ? timeZone : `${timeZone} ${locale} ${dateOnly ? "d" : named ? "n" : "t"}`;
  let format = formats.get(key);
  if (!format) {
    format = english
      ? new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" })
      : new Intl.DateTimeFormat(locale, { timeZone, year: "numeric", month: "short", day: "numeric", ...(dateOnly ? {} : { hour: "2-digit", minute: "2-digit", ...(named ? { timeZoneName: "short" as const } : {}) }) });
    if (formats.size < MAX_FORMATS) formats.set(key, format);
  }
  return format;
}

/** The zone if it is one Intl knows (an IANA name such as "Europe/Berlin"), by its canonical name, else null. */
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

/**
 * The one rule for whose zone a time is shown in: the user's choice on
 * /account, else the browser's (the `tz` cookie), else UTC. A stored or
 * cookie zone Intl does not know is skipped, never trusted.
 */
export function resolveTimeZone(stored: unknown, cookie: unknown): string {
  return validTimeZone(stored) ?? validTimeZone(cookie) ?? FALLBACK_ZONE;
}

/** The zones /account offers: Intl's canonical IANA names, and UTC (which Intl's list may leave out). */
export function selectableTimeZones(): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes(FALLBACK_ZONE) ? zones : [FALLBACK_ZONE, ...zones];
}

/**
 * `instant` in `timeZone` for `locale`: "2025-01-05 15:30 GMT+1" (or the date
 * only) in English, "5. Jan. 2025, 15:30" (or "5. Jan. 2025") in German; with
 * `named`, the zone is named in every language ("5. Jan. 2025, 15:30 MEZ"),
 * for a time read away from the panel (a mail).
 */
export function formatInstant(value: Date, timeZone: string, dateOnly = false, locale = "en", named = false): string {
  if (!isEnglish(locale)) return formatFor(timeZone, locale, dateOnly, named).format(value);
  return english(value, timeZone, dateOnly);
}

function fromParts(value: Date, timeZone: string, dateOnly: boolean): string {
  const parts: Record<string, string> = {};
  for (const p of formatFor(timeZone).formatToParts(value)) parts[p.type] = p.value;
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  return dateOnly ? day : `${day} ${parts.hour}:${parts.minute} ${parts.timeZoneName}`;
}

/*
 * The English layout is formatted per list cell, so it takes the cheap path:
 * Swedish writes "2025-01-05 15:30" in one string, and a second format gives
 * the zone's short name ("GMT+1", "PST") after the date it writes first;
 * formatToParts builds a dozen objects per call instead.
 */
interface IsoFormats {
  local: Intl.DateTimeFormat;
  name: Intl.DateTimeFormat;
}
const isoFormats = new Map<string, IsoFormats | null>();
const ISO_LIKE = /^\d{4}-\d\d-\d\d \d\d:\d\d$/;

function isoFormatFor(timeZone: string): IsoFormats | null {
  let formats = isoFormats.get(timeZone);
  if (formats === undefined) {
    const local = new Intl.DateTimeFormat("sv-SE", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" });
    // A Node without Swedish data (small ICU) writes another layout: then the parts it is.
    const probe = Date.UTC(2025, 0, 5, 15, 30);
    formats = ISO_LIKE.test(local.format(probe)) && name.format(probe).includes(", ") ? { local, name } : null;
    if (isoFormats.size < MAX_FORMATS) isoFormats.set(timeZone, formats);
  }
  return formats;
}

function english(value: Date, timeZone: string, dateOnly: boolean): string {
  const formats = isoFormatFor(timeZone);
  if (!formats) return fromParts(value, timeZone, dateOnly);
  const local = formats.local.format(value);
  if (dateOnly) return local.slice(0, 10);
  const named = formats.name.format(value);
  return `${local} ${named.slice(named.indexOf(", ") + 2)}`;
}
