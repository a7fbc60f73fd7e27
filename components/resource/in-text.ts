import { sentenceCase } from "@/lib/i18n/noun";
import { plural } from "@/lib/resources/words";

/**
 * The resource's rows as a plural noun inside a sentence ("No audit entries
 * yet"): in English made from the singular, since the label may name the
 * list rather than its rows ("Audit log"); in a locale that keeps capitals,
 * its (localized) label. The casing is the one rule of lib/i18n/noun.ts.
 */
export function pluralInText(names: { label: string; singular: string }, labelCase: string): string {
  return sentenceCase(labelCase)(labelCase === "keep" ? names.label : plural(names.singular));
}
