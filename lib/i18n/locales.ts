/**
 * The panel's languages, each with the name it is offered under on /account
 * (in its own language). To add one: copy messages/en/ to messages/<code>/
 * and translate it (every key of English; test/messages.test.ts checks), then
 * add its code here.
 */
export const LOCALE_NAMES = { en: "English", de: "Deutsch" } as const;

export type AppLocale = keyof typeof LOCALE_NAMES;

export const LOCALES = Object.keys(LOCALE_NAMES) as [AppLocale, ...AppLocale[]];

/**
 * Pseudo-English: every message of en bracketed and accented, so that a word
 * not coming from the catalogue stands out. Only with GATEHOUSE_PSEUDO_LOCALE=1.
 */
export const PSEUDO_LOCALE = "en-XA";

export type Locale = AppLocale | typeof PSEUDO_LOCALE;

export function pseudoLocaleEnabled(source: Record<string, string | undefined> = process.env): boolean {
  return source.GATEHOUSE_PSEUDO_LOCALE === "1";
}

/** The locales this process serves: the real ones, and en-XA when enabled. */
export function supportedLocales(): readonly Locale[] {
  return pseudoLocaleEnabled() ? [...LOCALES, PSEUDO_LOCALE] : LOCALES;
}

/** `value` when it is a locale this process serves (exact code), else null. */
export function servedLocale(value: unknown): Locale | null {
  return typeof value === "string" && (supportedLocales() as readonly string[]).includes(value) ? (value as Locale) : null;
}
