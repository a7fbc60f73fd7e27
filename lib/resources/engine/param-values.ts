import { parseMoney } from "../money";

export const MAX_PAGE = 1_000_000;
/** The largest row position a keyset page's `pos` may claim. */
export const MAX_POSITION = MAX_PAGE * 100;

/** Lenient readers of single URL parameter values: anything unreadable is undefined (or the fallback), never an error. */

export function clampInt(raw: string | undefined, min: number, max: number, fallback: number): number {
  if (!raw || !/^-?\d{1,16}$/.test(raw.trim())) {
    const n = Number(raw);
    if (!Number.isFinite(n)) return fallback;
    return Math.min(max, Math.max(min, Math.trunc(n)));
  }
  return Math.min(max, Math.max(min, Number.parseInt(raw, 10)));
}

/** A range bound; an amount as `locale` writes it ("12,30" in German, see parseMoney). */
export function parseNumber(raw: string | undefined, money: boolean, locale = "en"): number | undefined {
  if (raw === undefined || raw.trim() === "") return undefined;
  if (money) return parseMoney(raw, locale) ?? undefined;
  return /^-?\d{1,15}(\.\d+)?$/.test(raw.trim()) ? Number(raw) : undefined;
}

/** Per zone, one formatter that reads an instant's calendar parts there (creating one is the costly part). */
const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function zoneParts(at: number, timeZone: string): { y: number; m: number; d: number; wall: number } {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
    partsFormatters.set(timeZone, f);
  }
  const parts = f.formatToParts(new Date(at));
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { y: n("year"), m: n("month") - 1, d: n("day"), wall: Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second")) };
}

/**
 * The instant a calendar day begins in `timeZone` (the viewer's: days in filters
 * are the days the viewer's times show). `d` may run past the month's end.
 */
export function zonedDayStart(y: number, m: number, d: number, timeZone = "UTC"): Date {
  const wall = Date.UTC(y, m, d);
  if (timeZone === "UTC") return new Date(wall);
  // The zone's offset at a first guess, then again at the answer (a DST change that day).
  const offset = (at: number) => zoneParts(at, timeZone).wall - Math.floor(at / 1000) * 1000;
  const guess = wall - offset(wall);
  return new Date(wall - offset(guess));
}

/** A day's first (or last) instant in the viewer's zone, from `YYYY-MM-DD`; undefined for anything else. */
export function parseDay(raw: string | undefined, endOfDay: boolean, timeZone = "UTC"): Date | undefined {
  if (!raw || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return undefined;
  const [y, m, d] = raw.split("-").map(Number) as [number, number, number];
  // Reject days that do not exist (2024-02-30) instead of rolling them over.
  if (new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10) !== raw) return undefined;
  return endOfDay ? new Date(zonedDayStart(y, m - 1, d + 1, timeZone).getTime() - 1) : zonedDayStart(y, m - 1, d, timeZone);
}

/**
 * Quick date ranges, as Django's date filter offers them. In the URL they are a
 * stable token (`created=7d`), not concrete dates: a bookmarked "Past 7 days"
 * keeps meaning the last seven days. Days are the viewer's days (their time zone,
 * as the panel shows times), UTC when unknown.
 */
export const DATE_PRESETS = ["today", "7d", "month", "year"] as const;
export type DatePreset = (typeof DATE_PRESETS)[number];

export function parsePreset(raw: string | undefined): DatePreset | undefined {
  return DATE_PRESETS.find((p) => p === raw);
}

/** The range a preset covers at `now` in the viewer's zone: from the start of its first day to the end of its period (inclusive). */
export function presetRange(preset: DatePreset, now: Date = new Date(), timeZone = "UTC"): { from: Date; to: Date } {
  const { y, m, d } = timeZone === "UTC" ? { y: now.getUTCFullYear(), m: now.getUTCMonth(), d: now.getUTCDate() } : zoneParts(now.getTime(), timeZone);
  const day = (year: number, month: number, date: number) => zonedDayStart(year, month, date, timeZone);
  const endBefore = (next: Date) => new Date(next.getTime() - 1);
  switch (preset) {
    case "today":
      return { from: day(y, m, d), to: endBefore(day(y, m, d + 1)) };
    case "7d":
      // Today and the six days before it: seven calendar days.
      return { from: day(y, m, d - 6), to: endBefore(day(y, m, d + 1)) };
    case "month":
      return { from: day(y, m, 1), to: endBefore(day(y, m + 1, 1)) };
    case "year":
      return { from: day(y, 0, 1), to: endBefore(day(y + 1, 0, 1)) };
  }
}
