import { getLocale } from "next-intl/server";
import { inSentence as sameCase } from "../i18n/noun";
import { english, translator } from "../i18n/translator";
import { labelCaseOf } from "../resources/catalogue";

/**
 * The words of audit sentences in one language: the `audit` catalogue's
 * translator and its locale (numbers, money and letter case follow it).
 * English (the CLI's, the tests') unless a caller passes the request's.
 */
export interface AuditWords {
  locale: string;
  t(key: string, values?: Record<string, string | number>): string;
}

/** A piece of a sentence: words, or a data value (a title, an e-mail, an old or new value), with a link when it names a record the reader may open. */
export type Part = string | { data: string; href?: string };

let englishWords: AuditWords | undefined;

export function englishAuditWords(): AuditWords {
  return (englishWords ??= { locale: "en", t: english("audit") as AuditWords["t"] });
}

/** The request's audit words (next-intl's translator and locale), English outside a request. */
export async function auditWords(): Promise<AuditWords> {
  try {
    return { locale: await getLocale(), t: (await translator("audit")) as unknown as AuditWords["t"] };
  } catch {
    return englishAuditWords();
  }
}

/** A label as it stands inside a sentence: "price" in English, "Preis" in German. */
export function inSentence(words: Pick<AuditWords, "locale">, label: string): string {
  return sameCase(label, labelCaseOf(words.locale));
}

/** "Password failed" → "password failed" after a name, where the language lowers it. */
export function lowerFirst(words: Pick<AuditWords, "locale">, text: string): string {
  return labelCaseOf(words.locale) === "keep" ? text : `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

const MARK = /\uE000(\d+)\uE001/;

/**
 * A message with some arguments being parts (data, or sentences already
 * said): formatted with markers in their places, then cut back into parts, so
 * a component can mark data `translate="no"` and link a record's title.
 */
export function say(words: AuditWords, key: string, values: Record<string, string | number | Part | Part[]> = {}): Part[] {
  const nested: Part[][] = [];
  const flat: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === "string" || typeof value === "number") flat[name] = value;
    else flat[name] = `\uE000${nested.push(Array.isArray(value) ? value : [value]) - 1}\uE001`;
  }
  const out: Part[] = [];
  words.t(key, flat).split(MARK).forEach((piece, i) => {
    if (i % 2) out.push(...nested[Number(piece)]!);
    else if (piece) out.push(piece);
  });
  return out;
}

/** Parts as plain text. */
export function plain(parts: Part[]): string {
  return parts.map((p) => (typeof p === "string" ? p : p.data)).join("");
}

/** "a, b and c", in the words' language. */
export function joinAnd(words: AuditWords, parts: Part[][]): Part[] {
  if (parts.length <= 1) return parts[0] ?? [];
  const rest = parts.slice(0, -1).flatMap((p, i) => (i ? [", ", ...p] : p));
  return say(words, "changes.list", { rest, last: parts.at(-1)! });
}
