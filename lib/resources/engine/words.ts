import { currentLocale } from "../../i18n/server";
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

/** A locale's list formats, made once per process (making an Intl.ListFormat costs more than a page's use of it). */
const listFormats = new Map<string, Pick<Words, "and" | "or" | "list">>();

function listsIn(locale: string): Pick<Words, "and" | "or" | "list"> {
  let found = listFormats.get(locale);
  if (!found) {
    const lists = (type: Intl.ListFormatType, style: Intl.ListFormatStyle = "long") => {
      const format = new Intl.ListFormat(locale, { type, style });
      return (items: string[]) => format.format(items);
    };
    listFormats.set(locale, (found = { and: lists("conjunction"), or: lists("disjunction"), list: lists("unit", "short") }));
  }
  return found;
}

/** The words of `t` in `locale`: the one constructor, also for tests in another language. */
export function wordsOf(t: EngineT, locale: string): Words {
  return { t, locale, noun: sentenceCase(labelCaseOf(locale)), ...listsIn(locale) };
}

/** The engine's words for this request. */
export async function engineWords(): Promise<Words> {
  return wordsOf(await translator("engine"), await currentLocale());
}
