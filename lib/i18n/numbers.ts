/**
 * Numbers as the reader's locale writes them ("1,200", "1.200"): one
 * Intl.NumberFormat per locale for the life of the process (making one costs
 * more than formatting many numbers, and `toLocaleString` makes one each call).
 */
const formats = new Map<string, Intl.NumberFormat>();

export function numberFormat(locale: string): Intl.NumberFormat {
  let format = formats.get(locale);
  if (!format) formats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format;
}

export const formatNumber = (n: number, locale: string): string => numberFormat(locale).format(n);
