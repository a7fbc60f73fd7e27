import { createTranslator } from "next-intl";
import de from "../../messages/de/index";
import en from "../../messages/en/index";
import { PSEUDO_LOCALE, type AppLocale, type Locale } from "../i18n/locales";
import { pseudoMessages, type Messages } from "../i18n/pseudo";

/**
 * The catalogues, read synchronously: a resource's words are looked up where
 * no `await` fits (the action wrapper's resource layer, sort and filter code
 * that reads field labels). They are small and bundled with the server anyway.
 * A new locale is added here too (TypeScript asks for it).
 */
const CATALOGUES: Record<AppLocale, Messages> = { en, de };

let pseudo: Messages | undefined;

function catalogue(locale: Locale): Messages {
  if (locale === PSEUDO_LOCALE) return (pseudo ??= pseudoMessages(CATALOGUES.en));
  return CATALOGUES[locale] ?? CATALOGUES.en;
}

type Format = (key: string, values?: Record<string, string | number>) => string;
const translators = new Map<Locale, Format>();

function translatorFor(locale: Locale): Format {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = createTranslator({ locale, messages: catalogue(locale) }) as unknown as Format));
  return t;
}

/** The raw message at `path` (e.g. ["resources", "items", "label"]), or undefined when the catalogue has none. */
export function messageAt(locale: Locale, path: readonly string[]): string | undefined {
  let at: Messages | string | undefined = catalogue(locale);
  for (const key of path) at = typeof at === "object" ? at[key] : undefined;
  return typeof at === "string" ? at : undefined;
}

/**
 * The message at `path` formatted in `locale` (plurals and numbers by the
 * locale's rules), or undefined when the catalogue has none, so the caller
 * can fall back to a definition's own words.
 */
export function wordAt(locale: Locale, path: readonly string[], values?: Record<string, string | number>): string | undefined {
  const raw = messageAt(locale, path);
  if (raw === undefined) return undefined;
  // A key with a dot cannot be addressed through the translator; such a message is taken as written.
  if (path.some((key) => key.includes("."))) return raw;
  return translatorFor(locale)(path.join("."), values);
}

/** wordAt for a message that every locale has (checked by test/messages.test.ts). */
export function wordOf(locale: Locale, path: readonly string[], values?: Record<string, string | number>): string {
  return wordAt(locale, path, values) ?? wordAt("en", path, values) ?? path.join(".");
}

/** The catalogue's `values.labelCase` for `locale`: how a label stands inside a sentence (lib/i18n/noun.ts). */
export function labelCaseOf(locale: Locale | string): string {
  return wordOf(locale as Locale, ["values", "labelCase"]);
}
