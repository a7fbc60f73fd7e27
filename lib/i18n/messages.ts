import de from "../../messages/de.json";
import en from "../../messages/en.json";
import { PSEUDO_LOCALE, type AppLocale, type Locale } from "./locales";
import { pseudoMessages, type Messages } from "./pseudo";

/** The catalogues, bundled with the server (a few kilobytes each); the browser gets only picked namespaces. */
const CATALOGUES: Record<AppLocale, Messages> = { en, de };

let pseudo: Messages | undefined;

export function messagesFor(locale: Locale): Messages {
  if (locale === PSEUDO_LOCALE) return (pseudo ??= pseudoMessages(CATALOGUES.en));
  return CATALOGUES[locale];
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
