import type { Locale } from "./locales";

/** Locales whose nouns keep their capital inside a sentence. */
const CAPITAL_NOUNS: readonly string[] = ["de"];

/**
 * A resource's or field's name inside a sentence: lower case in English
 * ("New item", "will lose their owner"), as written in German ("Artikel
 * hinzufügen"), where nouns are capitalized.
 */
export function inSentence(word: string, locale: Locale | string): string {
  return CAPITAL_NOUNS.includes(locale.split("-")[0]!) ? word : word.toLowerCase();
}
