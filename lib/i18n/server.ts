import { _createCache, _createIntlFormatters, createTranslator, type Messages, type NamespaceKeys, type NestedKeyOf } from "next-intl";
import { getLocale, getTimeZone, type getTranslations as nextIntlTranslations } from "next-intl/server";
import { IntlMessageFormat } from "intl-messageformat";
import { cache, use } from "react";
import type { Locale } from "./locales";
import { messagesFor } from "./messages";

/**
 * The server's words: next-intl's translator, with its message formats kept
 * for the life of the process instead of one request.
 *
 * next-intl compiles an ICU message once per request, and on every call with
 * arguments it rebuilds the formats object and serialises it into a cache key
 * (about 12 µs a call, measured): a list page asks for a hundred such words
 * (a label per row, per link). Here a message with plain arguments is compiled
 * once per locale and time zone by intl-messageformat, the library next-intl
 * itself formats with, and then only formatted (under 1 µs). Rich text, messages
 * with tags, and arguments that are not plain values go to next-intl's
 * translator unchanged, so the result is the same string either way
 * (test/server-words.test.ts compares every message).
 */

type Namespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;
export type ServerTranslator<NS extends Namespace> = Awaited<ReturnType<typeof nextIntlTranslations<NS>>>;
type Plain = string | number | boolean | Date | null | undefined;

// Intl formatters and parsed messages are pure functions of their arguments (locale, options, time zone): one cache for every request.
const intlCache = _createCache();
const intlFormatters = _createIntlFormatters(intlCache);
const translators = new Map<string, unknown>();

/** Date and time formats with the zone merged in, as next-intl gives them to intl-messageformat. */
function formatsIn(timeZone: string) {
  const zoned = (formats: Record<string, Intl.DateTimeFormatOptions>) => Object.fromEntries(Object.entries(formats).map(([k, v]) => [k, { timeZone, ...v }]));
  return { date: zoned(IntlMessageFormat.formats.date), time: zoned(IntlMessageFormat.formats.time), number: {} };
}

function messageAt(messages: Messages, path: string): unknown {
  let at: unknown = messages;
  for (const key of path.split(".")) at = typeof at === "object" && at !== null ? (at as Record<string, unknown>)[key] : undefined;
  return at;
}

/**
 * A message whose only syntax is plain `{name}` arguments ("Select {row}"):
 * formatted by joining its pieces, as intl-messageformat would write a string
 * or number argument (String(value)), at a fraction of the cost. Anything
 * else (plural, select, number and date styles, quotes) is not simple.
 */
class SimpleMessage {
  private constructor(
    private readonly texts: string[],
    private readonly names: string[],
  ) {}

  static parse(message: string): SimpleMessage | null {
    if (message.includes("'")) return null;
    const texts: string[] = [];
    const names: string[] = [];
    let at = 0;
    for (const match of message.matchAll(/\{\s*([A-Za-z_]\w*)\s*\}/g)) {
      texts.push(message.slice(at, match.index));
      names.push(match[1]!);
      at = match.index + match[0].length;
    }
    texts.push(message.slice(at));
    return texts.some((text) => /[{}]/.test(text)) ? null : new SimpleMessage(texts, names);
  }

  /** The text, or null when an argument is missing or not a string or number (next-intl's translator decides those). */
  format(values: Record<string, unknown> | undefined): string | null {
    let out = this.texts[0]!;
    for (let i = 0; i < this.names.length; i++) {
      const value = values?.[this.names[i]!];
      if (typeof value !== "string" && typeof value !== "number") return null;
      out += String(value) + this.texts[i + 1]!;
    }
    return out;
  }
}

const plainValues = (values: Record<string, unknown>) => Object.values(values).every((v) => v === null || v === undefined || ["string", "number", "boolean"].includes(typeof v) || v instanceof Date);

/** The translator for a locale, zone and namespace; made once per process. */
export function wordsIn<NS extends Namespace>(locale: Locale, timeZone: string, messages: Messages, namespace: NS): ServerTranslator<NS> {
  const id = `${locale}\u0000${timeZone}\u0000${namespace}`;
  const found = translators.get(id);
  if (found) return found as ServerTranslator<NS>;
  const base = createTranslator({ locale, timeZone, messages, namespace, _cache: intlCache, _formatters: intlFormatters }) as unknown as ServerTranslator<NS>;
  const formatters = { ...intlFormatters, getDateTimeFormat: (locales: string | string[] | undefined, options?: Intl.DateTimeFormatOptions) => intlFormatters.getDateTimeFormat(locales, { ...options, timeZone: options?.timeZone ?? timeZone }) };
  // null: leave this key to next-intl (not a string, or holds tags).
  const compiled = new Map<string, IntlMessageFormat | SimpleMessage | string | null>();
  const compile = (key: string): IntlMessageFormat | SimpleMessage | string | null => {
    const message = messageAt(messages, namespace ? `${namespace}.${key}` : key);
    if (typeof message !== "string" || message.includes("<")) return null;
    if (!/[{}']/.test(message)) return message;
    return SimpleMessage.parse(message) ?? new IntlMessageFormat(message, locale, formatsIn(timeZone), { formatters });
  };
  const t = ((key: string, values?: Record<string, unknown>, formats?: unknown) => {
    if (formats !== undefined || (values && !plainValues(values))) return (base as unknown as (...a: unknown[]) => unknown)(key, values, formats);
    let entry = compiled.get(key);
    if (entry === undefined) compiled.set(key, (entry = compile(key)));
    if (entry === null) return (base as unknown as (...a: unknown[]) => unknown)(key, values);
    if (typeof entry === "string") return entry;
    if (entry instanceof SimpleMessage) {
      const text = entry.format(values);
      return text ?? (base as unknown as (...a: unknown[]) => unknown)(key, values);
    }
    try {
      const out = entry.format(values as Record<string, Plain>);
      return Array.isArray(out) ? out.join("") : String(out);
    } catch {
      // A missing argument: next-intl's answer (its fallback, and its error report).
      return (base as unknown as (...a: unknown[]) => unknown)(key, values);
    }
  }) as unknown as ServerTranslator<NS>;
  Object.assign(t, { rich: base.rich, markup: base.markup, raw: base.raw, has: base.has });
  translators.set(id, t);
  return t;
}

interface RequestWords {
  locale: Locale;
  timeZone: string;
  messages: Messages;
}

/** This request's words once read, for synchronous components (undefined: not read yet). */
const readWords = cache((): { words?: RequestWords } => ({}));

/**
 * The request's locale, zone and catalogue (from lib/i18n/request.ts), read
 * once per request: a page asks for words in twenty places, and each would
 * otherwise await next-intl's locale, zone and the catalogue again.
 */
export const requestWords = cache(async (): Promise<RequestWords> => {
  const [locale, timeZone] = await Promise.all([getLocale(), getTimeZone()]);
  const words = { locale: locale as Locale, timeZone, messages: (await messagesFor(locale as Locale)) as Messages };
  readWords().words = words;
  return words;
});

/**
 * This request's locale, zone and catalogue if a page has read them already
 * (requestWords), for synchronous rendering: the list's time cells, its
 * tables' words. undefined: not read yet in this request, or no request.
 */
export function loadedWords(): RequestWords | undefined {
  return readWords().words;
}

/** The request's locale (lib/i18n/request.ts decides it); English outside a request (the CLI, the seed, unit tests). */
export async function currentLocale(): Promise<Locale> {
  try {
    return (await getLocale()) as Locale;
  } catch {
    return "en";
  }
}

/** The request's words in a namespace (its locale and time zone come from lib/i18n/request.ts). */
export async function getTranslations<NS extends Namespace>(namespace: NS): Promise<ServerTranslator<NS>> {
  const { locale, timeZone, messages } = await requestWords();
  return wordsIn(locale, timeZone, messages, namespace);
}

const requestTranslations = cache((namespace: string) => getTranslations(namespace as Namespace));

/**
 * The same words for a synchronous server component (next-intl's useTranslations
 * there takes its slower per-request path). Once the page has read its words
 * (any getTranslations before), this needs no await and no second render.
 */
export function useServerTranslations<NS extends Namespace>(namespace: NS): ServerTranslator<NS> {
  const words = loadedWords();
  if (words) return wordsIn(words.locale, words.timeZone, words.messages, namespace);
  return use(requestTranslations(namespace)) as ServerTranslator<NS>;
}

/** The request's locale for a synchronous server component, as useServerTranslations reads it. */
export function useServerLocale(): Locale {
  return loadedWords()?.locale ?? use(requestWords()).locale;
}
