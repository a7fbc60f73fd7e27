/**
 * The one rule for a label (a resource's or field's name) inside a sentence:
 * English lowercases it ("New item", "Filter by price"), German keeps its
 * nouns' capitals ("Neuer Artikel"). The catalogue says which, per locale:
 * `values.labelCase` ("keep", else lowercase), so a new locale needs no code.
 * Client components pass `useTranslations("values")("labelCase")`; server code
 * without a translator at hand passes `labelCaseOf(locale)` (lib/resources/catalogue.ts).
 * Kept free of imports: client components use it too.
 */
export function sentenceCase(labelCase: string): (label: string) => string {
  return labelCase === "keep" ? (label) => label : (label) => label.toLowerCase();
}

/** `label` inside a sentence, by the catalogue's `labelCase` (see sentenceCase). */
export function inSentence(label: string, labelCase: string): string {
  return sentenceCase(labelCase)(label);
}
