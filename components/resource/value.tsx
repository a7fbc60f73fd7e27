import Link from "next/link";
import type { RefValue } from "@/lib/resources/engine/queries";
import { formatMoney } from "@/lib/resources/money";
import type { FieldDef } from "@/lib/resources/types";
import { LocalTime } from "../local-time";

/** A field's value formatted by type. Text is rendered as text, never as HTML. */
export function FieldValue({ field, value, refValue, many, linkRefs = true }: { field: FieldDef; value: unknown; refValue?: RefValue | null; many?: RefValue[]; linkRefs?: boolean }) {
  if (field.type === "many") {
    if (!many?.length) return <span className="text-zinc-400">none</span>;
    return <span>{many.map((r) => r.label).join(", ")}</span>;
  }
  if (field.type === "permissions") {
    const list = Array.isArray(value) ? (value as string[]) : [];
    return list.length ? <span className="font-mono text-xs">{list.join(", ")}</span> : <span className="text-zinc-400">none</span>;
  }
  if (value === null || value === undefined || value === "") return <span className="text-zinc-400">—</span>;
  if (field.type === "json") return <Changes value={value} />;
  switch (field.type) {
    case "boolean":
      return value ? (
        <span className="inline-flex items-center gap-1 text-emerald-700 dark:text-emerald-400">
          <span aria-hidden="true">✓</span>
          <span className="sr-only">Yes</span>
        </span>
      ) : (
        <span className="inline-flex items-center gap-1 text-zinc-400">
          <span aria-hidden="true">✗</span>
          <span className="sr-only">No</span>
        </span>
      );
    case "money":
      return <span className="tabular-nums">{formatMoney(Number(value))}</span>;
    case "number":
      return <span className="tabular-nums">{Number(value).toLocaleString("en-US")}</span>;
    case "datetime":
      return value instanceof Date ? <LocalTime iso={value.toISOString()} /> : <span>{String(value)}</span>;
    case "reference":
      if (!refValue) return <span>{String(value)}</span>;
      return linkRefs && field.reference ? (
        <Link className="link" href={`/admin/${field.reference.resource}/${encodeURIComponent(String(refValue.id))}`}>
          {refValue.label}
        </Link>
      ) : (
        <span>{refValue.label}</span>
      );
    case "longtext":
      return <span className="whitespace-pre-wrap">{String(value)}</span>;
    default:
      return <span>{String(value)}</span>;
  }
}

function show(v: unknown): string {
  if (v === null || v === undefined) return "—";
  return typeof v === "string" ? v : JSON.stringify(v);
}

/** An audit entry's before/after values, one row per field. */
function Changes({ value }: { value: unknown }) {
  const entries = typeof value === "object" && value ? Object.entries(value as Record<string, { before?: unknown; after?: unknown }>) : [];
  if (!entries.length) return <span className="text-zinc-400">—</span>;
  return (
    <table className="text-xs">
      <thead>
        <tr>
          <th scope="col" className="pr-3 text-left font-medium">Field</th>
          <th scope="col" className="pr-3 text-left font-medium">Before</th>
          <th scope="col" className="text-left font-medium">After</th>
        </tr>
      </thead>
      <tbody>
        {entries.map(([key, change]) => (
          <tr key={key}>
            <th scope="row" className="pr-3 text-left font-normal">{key}</th>
            <td className="pr-3 font-mono break-all">{show(change?.before)}</td>
            <td className="font-mono break-all">{show(change?.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
