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
