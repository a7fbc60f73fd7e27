import type { Locale } from "../i18n/locales";
import { getResource } from "./registry";
import type { Resource } from "./types";
import { countOf as englishCount } from "./words";

/**
 * A resource's words in a locale: its label, singular, field labels and help,
 * option labels, permission and bulk-action labels from the catalogue's
 * `resources.<name>` entry, else the definition's own (English) words.
 * Memoized per resource object and locale, so a request pays a map lookup.
 *
 * (Placeholder until the catalogue entries exist: returns the resource as it is.)
 */
export function localize(resource: Resource, locale: Locale): Resource {
  void locale;
  return resource;
}

/** getResource, in `locale`. */
export function getLocalResource(name: string, locale: Locale): Resource | undefined {
  const found = getResource(name);
  return found && localize(found, locale);
}

/** "1 item", "298 items", "10,000+ audit entries": a count in the resource's own noun, in `locale`. */
export function countOf(resource: Pick<Resource, "name" | "singular">, n: number, locale: Locale, capped = false): string {
  void locale;
  return englishCount(n, resource.singular, capped);
}
