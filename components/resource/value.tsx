import type { ReactNode } from "react";
import { currentLocale, getTranslations, useServerLocale, useServerTranslations, type ServerTranslator } from "@/lib/i18n/server";
import type { RefValue } from "@/lib/resources/engine/rows";
import type { Locale } from "@/lib/i18n/locales";
import { optionLabel } from "@/lib/resources/localize";
import { formatMoney } from "@/lib/resources/money";
import { formatNumber } from "@/lib/i18n/numbers";
import { permissionLabelIn } from "@/lib/resources/permission-catalog";
import { formatInstant, loadedTimeZone, loadTimeZone } from "@/lib/time-zone";
import type { FieldDef } from "@/lib/resources/types";

/** The words a cell may show that are not its value, and the locale its numbers are written in. */
export interface ValueWords {
  yes: string;
  no: string;
  empty: string;
  locale: Locale;
}

const valueWordsOf = (t: ServerTranslator<"values">, locale: Locale): ValueWords => ({ yes: t("yes"), no: t("no"), empty: t("empty"), locale });

/** The request's ValueWords: looked up once per page, not once per cell. */
export async function valueWords(): Promise<ValueWords> {
  const [t, locale] = await Promise.all([getTranslations("values"), currentLocale()]);
  return valueWordsOf(t, locale);
}

/** The same, for a synchronous server component (lib/i18n/server.ts useServerTranslations). */
export function useValueWords(): ValueWords {
  return valueWordsOf(useServerTranslations("values"), useServerLocale());
}

/** Field types whose shown value is the stored data itself (not a word of the panel): such cells are marked translate="no". */
export function isDataType(type: FieldDef["type"]): boolean {
  return type !== "boolean" && type !== "enum" && type !== "datetime";
}

/**
 * "2025-01-05 15:30 GMT+1" in a `<time>` whose `dateTime` and title are the
 * exact UTC instant: in the viewer's time zone (lib/time-zone.ts), formatted
 * on the server, with no client component. Synchronous where the page has
 * loaded the zone (lists: one per cell); otherwise it reads it itself.
 */
export function DateTime({ value, dateOnly = false }: { value: Date; dateOnly?: boolean }) {
  // A stored time that is no time (a hand-edited SQLite row) shows as nothing, not a failed page.
  if (Number.isNaN(value.getTime())) return <>—</>;
  const zone = loadedTimeZone();
  if (zone === undefined) return <ZonedDateTime value={value} dateOnly={dateOnly} />;
  const iso = value.toISOString();
  return (
    <time dateTime={iso} title={iso}>
      {formatInstant(value, zone, dateOnly)}
    </time>
  );
}

async function ZonedDateTime({ value, dateOnly }: { value: Date; dateOnly: boolean }) {
  await loadTimeZone();
  return <DateTime value={value} dateOnly={dateOnly} />;
}

/**
 * A field's value formatted by type, as text where it can be (the list calls
 * this for every cell, so it is a function, not a component, and returns no
 * element it can spare). Text is rendered as text, never as HTML.
 */
export function formatValue(field: FieldDef, value: unknown, words: ValueWords, refValue?: RefValue | null, linkRefs = true): ReactNode {
  if (value === null || value === undefined || value === "") return words.empty;
  switch (field.type) {
    case "boolean":
      return value ? words.yes : words.no;
    case "money":
      return formatMoney(Number(value), words.locale, field.currency);
    case "number":
      return formatNumber(Number(value), words.locale);
    case "enum":
      // The option's word in the reader's language (a localized resource's field); the stored value stays in URLs and forms.
      return optionLabel(field, String(value));
    case "datetime":
      return value instanceof Date ? <DateTime value={value} /> : String(value);
    case "reference":
      if (!refValue) return String(value);
      // A row the viewer may not open is text, not a link to a 403 (engine/labels.ts decides).
      return linkRefs && field.reference && refValue.open !== false ? <a href={`/admin/${field.reference.resource}/${encodeURIComponent(String(refValue.id))}`}>{refValue.label}</a> : refValue.label;
    case "longtext":
      return <span className="whitespace-pre-wrap">{String(value)}</span>;
    default:
      return String(value);
  }
}

/** A field's value on the details page, including the kinds only it shows (many, permissions, changes). */
export async function FieldValue({ field, value, refValue, many }: { field: FieldDef; value: unknown; refValue?: RefValue | null; many?: RefValue[] }) {
  const [t, words] = await Promise.all([getTranslations("values"), valueWords()]);
  if (field.type === "many") return many?.length ? <span translate="no">{many.map((r) => r.label).join(", ")}</span> : t("none");
  if (field.type === "permissions") {
    const list = Array.isArray(value) ? (value as string[]) : [];
    return list.length ? list.map(permissionLabelIn(words.locale)).join(", ") : t("none");
  }
  if (field.type === "json") return value ? <Changes value={value} words={{ field: t("changes.field"), before: t("changes.before"), after: t("changes.after"), empty: words.empty }} /> : words.empty;
  if (field.type === "reference" && refValue && field.reference && refValue.open !== false) {
    return (
      <a className="link" href={`/admin/${field.reference.resource}/${encodeURIComponent(String(refValue.id))}`} translate="no">
        {refValue.label}
      </a>
    );
  }
  const shown = formatValue(field, value, words, refValue);
  return isDataType(field.type) && value !== null && value !== undefined && value !== "" ? <span translate="no">{shown}</span> : shown;
}

function show(v: unknown, empty: string): string {
  if (v === null || v === undefined) return empty;
  return typeof v === "string" ? v : JSON.stringify(v);
}

/** An audit entry's before/after values, one row per field. */
function Changes({ value, words }: { value: unknown; words: { field: string; before: string; after: string; empty: string } }) {
  const entries = typeof value === "object" && value ? Object.entries(value as Record<string, { before?: unknown; after?: unknown }>) : [];
  if (!entries.length) return words.empty;
  return (
    <table className="text-xs">
      <thead>
        <tr>
          <th scope="col" className="pe-3 text-start font-medium">{words.field}</th>
          <th scope="col" className="pe-3 text-start font-medium">{words.before}</th>
          <th scope="col" className="text-start font-medium">{words.after}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map(([key, change]) => (
          <tr key={key} translate="no">
            <th scope="row" className="pe-3 text-start font-normal">{key}</th>
            <td className="pe-3 font-mono break-all">{show(change?.before, words.empty)}</td>
            <td className="font-mono break-all">{show(change?.after, words.empty)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
