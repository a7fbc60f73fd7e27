import type { ReactNode } from "react";
import type { RefValue } from "@/lib/resources/engine/rows";
import { formatMoney } from "@/lib/resources/money";
import { permissionLabel } from "@/lib/resources/permission-catalog";
import { formatInstant, loadedTimeZone, loadTimeZone } from "@/lib/time-zone";
import type { FieldDef } from "@/lib/resources/types";

const NUMBER = new Intl.NumberFormat("en-US");

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
export function formatValue(field: FieldDef, value: unknown, refValue?: RefValue | null, linkRefs = true): ReactNode {
  if (value === null || value === undefined || value === "") return "—";
  switch (field.type) {
    case "boolean":
      return value ? "Yes" : "No";
    case "money":
      return formatMoney(Number(value));
    case "number":
      return NUMBER.format(Number(value));
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
export function FieldValue({ field, value, refValue, many }: { field: FieldDef; value: unknown; refValue?: RefValue | null; many?: RefValue[] }) {
  if (field.type === "many") return many?.length ? many.map((r) => r.label).join(", ") : "none";
  if (field.type === "permissions") {
    const list = Array.isArray(value) ? (value as string[]) : [];
    return list.length ? list.map(permissionLabel).join(", ") : "none";
  }
  if (field.type === "json") return value ? <Changes value={value} /> : "—";
  if (field.type === "reference" && refValue && field.reference && refValue.open !== false) {
    return (
      <a className="link" href={`/admin/${field.reference.resource}/${encodeURIComponent(String(refValue.id))}`}>
        {refValue.label}
      </a>
    );
  }
  return formatValue(field, value, refValue);
}

function show(v: unknown): string {
  if (v === null || v === undefined) return "—";
  return typeof v === "string" ? v : JSON.stringify(v);
}

/** An audit entry's before/after values, one row per field. */
function Changes({ value }: { value: unknown }) {
  const entries = typeof value === "object" && value ? Object.entries(value as Record<string, { before?: unknown; after?: unknown }>) : [];
  if (!entries.length) return "—";
  return (
    <table className="text-xs">
      <thead>
        <tr>
          <th scope="col" className="pe-3 text-start font-medium">Field</th>
          <th scope="col" className="pe-3 text-start font-medium">Before</th>
          <th scope="col" className="text-start font-medium">After</th>
        </tr>
      </thead>
      <tbody>
        {entries.map(([key, change]) => (
          <tr key={key}>
            <th scope="row" className="pe-3 text-start font-normal">{key}</th>
            <td className="pe-3 font-mono break-all">{show(change?.before)}</td>
            <td className="font-mono break-all">{show(change?.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
