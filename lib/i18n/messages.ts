import { PSEUDO_LOCALE, type AppLocale, type Locale } from "./locales";
import { pseudoMessages, type Messages } from "./pseudo";

/**
 * A locale's catalogue, messages/<code>/ (one JSON file per namespace) (bundled with the server; the
 * browser gets only picked namespaces), loaded once per process; en-XA is
 * made from en.
 */
const loaded = new Map<Locale, Promise<Messages>>();

async function load(locale: Locale): Promise<Messages> {
  if (locale === PSEUDO_LOCALE) return pseudoMessages(await messagesFor("en"));
  return ((await import(`../../messages/${locale satisfies AppLocale}/index.ts`)) as { default: Messages }).default;
}

export function messagesFor(locale: Locale): Promise<Messages> {
  let found = loaded.get(locale);
  if (!found) loaded.set(locale, (found = load(locale)));
  return found;
}

/**
 * Only the namespaces (dotted paths: "login.form") a client component needs,
 * for its NextIntlClientProvider: the rest of the catalogue stays on the server.
 */
export function pickMessages(messages: Messages, namespaces: readonly string[]): Messages {
  const picked: Messages = {};
  for (const namespace of namespaces) {
    const path = namespace.split(".");
    let from: Messages | string | undefined = messages;
    for (const key of path) from = typeof from === "object" ? from[key] : undefined;
    if (from === undefined) continue;
    let into = picked;
    for (const key of path.slice(0, -1)) into = (into[key] ??= {}) as Messages;
    into[path.at(-1)!] = from;
  }
  return picked;
}
