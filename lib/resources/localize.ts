import type { Locale } from "../i18n/locales";
import { inSentence } from "../i18n/noun";
import { labelCaseOf, wordAt } from "./catalogue";
import { getResource, RESOURCES } from "./registry";
import type { FieldDef, Resource } from "./types";
import { countOf as englishCount } from "./words";
import { formatNumber } from "../i18n/numbers";

/**
 * A resource's words in the user's language. The catalogue's
 * `resources.<name>` entry (messages/<locale>/resources.json) gives them:
 * `label`, `singular`, `inSentence`, `count`, `countCapped`,
 * `fields.<key>.label|help|pattern`, `options.<key>.<value>`,
 * `filters.<param>`, `related.<key>`, `permissions.<name>`, `bulk.<name>`.
 * A key the catalogue lacks keeps the definition's own (English) words, so a
 * resource without entries still works.
 */

const localized = new WeakMap<Resource, Map<Locale, Resource>>();

/**
 * `resource` with its words in `locale`. Memoized per resource object and
 * locale, so a request pays a map lookup. Localize after narrowing
 * (scope.ts resourceFor): the copy keeps the narrowed fields.
 */
export function localize(resource: Resource, locale: Locale): Resource {
  let byLocale = localized.get(resource);
  if (!byLocale) localized.set(resource, (byLocale = new Map()));
  let found = byLocale.get(locale);
  if (!found) byLocale.set(locale, (found = translate(resource, locale)));
  return found;
}

function translate(resource: Resource, locale: Locale): Resource {
  const say = (...path: string[]) => wordAt(locale, ["resources", resource.name, ...path]);
  const fields = resource.fields.map((f) => localField(f, say, locale));
  return {
    ...resource,
    label: say("label") ?? resource.label,
    singular: say("singular") ?? resource.singular,
    fields,
    fieldMap: new Map(fields.map((f) => [f.key, f])),
    filters: resource.filters?.map((f) => (f.label === undefined ? f : { ...f, label: say("filters", f.param) ?? f.label })),
    permissions: resource.permissions?.map((p) => ({ ...p, label: say("permissions", p.name.slice(resource.name.length + 1)) ?? p.label })),
    bulkActions: resource.bulkActions?.map((a) => ({ ...a, label: say("bulk", a.name) ?? a.label })),
  };
}

function localField(field: FieldDef, say: (...path: string[]) => string | undefined, locale: Locale): FieldDef {
  const out: FieldDef = { ...field, label: say("fields", field.key, "label") ?? field.label };
  if (field.help !== undefined) out.help = say("fields", field.key, "help") ?? field.help;
  if (field.pattern) out.pattern = { ...field.pattern, message: say("fields", field.key, "pattern") ?? field.pattern.message };
  if (typeof field.related === "string") out.related = say("related", field.key) ?? field.related;
  if (field.options) {
    const labels = Object.fromEntries(field.options.map((value) => [value, say("options", field.key, value) ?? (field.optionWords && wordAt(locale, field.optionWords(value))) ?? field.optionLabels?.[value] ?? value]));
    out.optionLabels = labels;
  }
  return out;
}

/** getResource, in `locale`. */
export function getLocalResource(name: string, locale: Locale): Resource | undefined {
  const found = getResource(name);
  return found && localize(found, locale);
}

/** Every registered resource, in `locale` (navigation order). */
export function localResources(locale: Locale): Resource[] {
  return RESOURCES.map((r) => localize(r, locale));
}

/** How an enum field's value reads: its option label in the (localized) field, else the value itself. */
export function optionLabel(field: Pick<FieldDef, "optionLabels">, value: string): string {
  return field.optionLabels?.[value] ?? value;
}

/** The plural label inside a sentence: "items", "audit log" ("Artikel", "Protokoll" in German). */
export function labelInSentence(resource: Pick<Resource, "name" | "label">, locale: Locale): string {
  return wordAt(locale, ["resources", resource.name, "inSentence"]) ?? inSentence(resource.label, labelCaseOf(locale));
}

/** "1 item", "298 items", "10,000+ audit entries": a count in the resource's own noun, in `locale` ("10.000+ Artikel"). */
export function countOf(resource: Pick<Resource, "name" | "singular">, n: number, locale: Locale, capped = false): string {
  const said = wordAt(locale, ["resources", resource.name, capped ? "countCapped" : "count"], { count: n });
  if (said !== undefined) return said;
  const english = englishCount(n, resource.singular, capped);
  // A resource without catalogue entries: its English noun, with the locale's digits.
  return english.replace(/^[\d,]+/, formatNumber(n, locale));
}
