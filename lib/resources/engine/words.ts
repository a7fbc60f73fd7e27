import { getLocale } from "next-intl/server";
import { sentenceCase } from "../../i18n/noun";
import { translator } from "../../i18n/translator";
import { labelCaseOf } from "../catalogue";

/**
 * The engine's words (the `engine` namespace of the catalogue), in the
 * request's language; English outside a request (CLI, seed, unit tests).
 * Every message is built where it is needed, from `await engineWords()`.
 */

export type EngineT = Awaited<ReturnType<typeof translator<"engine">>>;

export interface Words {
  t: EngineT;
  /** The language of `t`: numbers and amounts are read and written as it writes them. */
  locale: string;
  /** A resource's or field's name inside a sentence: "item" in English, "Artikel" in German, whose nouns keep their capital. */
  noun: (name: string) => string;
  /** "a and b", "a und b". */
  and: (items: string[]) => string;
  /** "a or b", "a oder b". */
  or: (items: string[]) => string;
  /** "a, b", an enumeration in parentheses. */
  list: (items: string[]) => string;
}

/** The request's locale, or English outside a request. */
export async function wordsLocale(): Promise<string> {
  try {
    return await getLocale();
  } catch {
    return "en";
  }
}

/** The words of `t` in `locale`: the one constructor, also for tests in another language. */
export function wordsOf(t: EngineT, locale: string): Words {
  const lists = (type: Intl.ListFormatType, style: Intl.ListFormatStyle = "long") => {
    const format = new Intl.ListFormat(locale, { type, style });
    return (items: string[]) => format.format(items);
  };
  return { t, locale, noun: sentenceCase(labelCaseOf(locale)), and: lists("conjunction"), or: lists("disjunction"), list: lists("unit", "short") };
}

/** The engine's words for this request. */
export async function engineWords(): Promise<Words> {
  return wordsOf(await translator("engine"), await wordsLocale());
}
