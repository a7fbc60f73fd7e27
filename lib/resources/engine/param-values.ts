import { parseMoney } from "../money";

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
