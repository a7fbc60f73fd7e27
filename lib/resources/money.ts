/** Money travels as integer cents; these convert to and from decimal text without floats. */

const separators = new Map<string, string>();

/** The locale's decimal separator: "," in German. */
function decimalSeparator(locale: string): string {
  let found = separators.get(locale);
  if (found === undefined) separators.set(locale, (found = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === "decimal")?.value ?? "."));
  return found;
}

/** Whole units grouped by threes with `group`, or not grouped at all; then at most 2 decimals after `decimal`. */
function amountPattern(group: string, decimal: string): RegExp {
  return new RegExp(`^(\\d{1,3}(?:\\${group}\\d{3})+|\\d{1,12})(?:\\${decimal}(\\d{1,2}))?$`);
}
const ENGLISH = amountPattern(",", ".");
const COMMA_DECIMAL = amountPattern(".", ",");

/**
 * "12.3" → 1230; null when the text is not a non-negative amount with at most
 * 2 decimals. In a locale that writes a decimal comma ("de": "1.234,50"),
 * a comma is the decimal mark and dots group digits; text with no comma reads
 * as the form's own "12.30". Separators count only where they belong: "1,00"
 * or "1.2,5" is refused, never read as another amount.
 */
export function parseMoney(text: string, locale = "en"): number | null {
  const plain = text.trim().replace(/^\$/, "");
  const comma = decimalSeparator(locale) === "," && plain.includes(",");
  const m = (comma ? COMMA_DECIMAL : ENGLISH).exec(plain);
  if (!m) return null;
  const whole = m[1]!.replace(/[.,]/g, "");
  if (whole.length > 12) return null;
  const cents = Number(whole) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  return Number.isSafeInteger(cents) ? cents : null;
}

/**
 * 1230 → "12.30", "12,30" in a locale that writes a decimal comma: for form
 * inputs, which parseMoney reads back in the same locale (no grouping, no
 * currency; a locale with any other decimal mark gets the point, which
 * parseMoney reads everywhere). URLs and CSV keep the locale-free "12.30".
 */
export function centsToDecimal(cents: number, locale = "en"): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const mark = decimalSeparator(locale) === "," ? "," : ".";
  return `${sign}${Math.trunc(abs / 100)}${mark}${String(abs % 100).padStart(2, "0")}`;
}

/** The currency of a money field without one stated (FieldDef.currency). */
export const CURRENCY = "USD";

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * 1230 → "$12.30" in "en", "12,30 $" in "de": the field's currency
 * (`field.currency`, default USD) in the reader's locale. One cached
 * formatter per locale and currency: building one costs more than using it.
 */
export function formatMoney(cents: number, locale = "en-US", currency = CURRENCY): string {
  const key = `${locale}|${currency}`;
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.NumberFormat(locale, { style: "currency", currency })));
  return format.format(cents / 100);
}
