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

export function parseNumber(raw: string | undefined, money: boolean): number | undefined {
  if (raw === undefined || raw.trim() === "") return undefined;
  if (money) return parseMoney(raw) ?? undefined;
  return /^-?\d{1,15}(\.\d+)?$/.test(raw.trim()) ? Number(raw) : undefined;
}

export function parseDay(raw: string | undefined, endOfDay: boolean): Date | undefined {
  if (!raw || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return undefined;
  const d = new Date(`${raw}T${endOfDay ? "23:59:59.999" : "00:00:00.000"}Z`);
  // Reject days that do not exist (2024-02-30) instead of rolling them over.
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== raw ? undefined : d;
}

/**
 * Quick date ranges, as Django's date filter offers them. In the URL they are a
 * stable token (`created=7d`), not concrete dates: a bookmarked "Past 7 days"
 * keeps meaning the last seven days. Days are UTC days, as lists show times.
 */
export const DATE_PRESETS = ["today", "7d", "month", "year"] as const;
export type DatePreset = (typeof DATE_PRESETS)[number];

export function parsePreset(raw: string | undefined): DatePreset | undefined {
  return DATE_PRESETS.find((p) => p === raw);
}

/** The range a preset covers at `now`: from the start of its first day to the end of its period (inclusive). */
export function presetRange(preset: DatePreset, now: Date = new Date()): { from: Date; to: Date } {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const d = now.getUTCDate();
  const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month, day));
  const endBefore = (next: Date) => new Date(next.getTime() - 1);
  switch (preset) {
    case "today":
      return { from: utc(y, m, d), to: endBefore(utc(y, m, d + 1)) };
    case "7d":
      // Today and the six days before it: seven calendar days.
      return { from: utc(y, m, d - 6), to: endBefore(utc(y, m, d + 1)) };
    case "month":
      return { from: utc(y, m, 1), to: endBefore(utc(y, m + 1, 1)) };
    case "year":
      return { from: utc(y, 0, 1), to: endBefore(utc(y + 1, 0, 1)) };
  }
}
