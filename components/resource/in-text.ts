import { plural } from "@/lib/resources/words";

/**
 * A label inside a sentence, as the locale writes it: English lowercases it
 * ("Search items", "Filter by price"), German keeps its nouns' capitals. The
 * catalogue says which (`values.labelCase`: "keep", else lowercase), so a new
 * locale needs no code.
 */
export function inTextCase(labelCase: string): (label: string) => string {
  return labelCase === "keep" ? (label) => label : (label) => label.toLowerCase();
}

/**
 * The resource's rows as a plural noun inside a sentence ("No audit entries
 * yet"): in English made from the singular, since the label may name the
 * list rather than its rows ("Audit log"); in a locale that keeps capitals,
 * its (localized) label.
 */
export function pluralInText(names: { label: string; singular: string }, labelCase: string): string {
  return labelCase === "keep" ? names.label : plural(names.singular).toLowerCase();
}
