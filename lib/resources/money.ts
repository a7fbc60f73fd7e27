/** Money travels as integer cents; these convert to and from decimal text without floats. */

const MONEY_RE = /^(\d{1,12})(?:\.(\d{1,2}))?$/;

/** "12.3" → 1230; null when the text is not a non-negative amount with at most 2 decimals. */
export function parseMoney(text: string): number | null {
  const m = MONEY_RE.exec(text.trim().replace(/^\$/, "").replace(/,/g, ""));
  if (!m) return null;
  const cents = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  return Number.isSafeInteger(cents) ? cents : null;
}

/** 1230 → "12.30" (for form inputs). */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

export const CURRENCY = "USD";

const formatters = new Map<string, Intl.NumberFormat>();

/** 1230 → "$12.30" in the given locale (one cached formatter per locale: building one costs more than using it). */
export function formatMoney(cents: number, locale = "en-US"): string {
  let format = formatters.get(locale);
  if (!format) formatters.set(locale, (format = new Intl.NumberFormat(locale, { style: "currency", currency: CURRENCY })));
  return format.format(cents / 100);
}
