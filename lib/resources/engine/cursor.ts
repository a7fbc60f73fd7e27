import type { Resource } from "../types";
import { MAX_POSITION } from "./param-values";

/** Keyset paging's place in a list: the sort value and id of the row a page starts after (or ends before). */

export interface Cursor {
  value: string | number;
  id: string | number;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString("base64url");
}

/** A cursor is honoured only for a sort column that is never null (row-value comparison needs values). */
export function parseCursor(resource: Resource, sortKey: string, raw: string | undefined): Cursor | undefined {
  if (!raw || raw.length > 512) return undefined;
  const column = resource.fieldMap.get(sortKey)?.column;
  if (!column?.notNull) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 2) return undefined;
    const [value, id] = parsed as unknown[];
    const scalar = (v: unknown) => (typeof v === "number" && Number.isFinite(v)) || (typeof v === "string" && v.length <= 256);
    if (!scalar(value) || !scalar(id)) return undefined;
    if (resource.idType === "int" ? typeof id !== "number" : typeof id !== "string") return undefined;
    return { value: value as string | number, id: id as string | number };
  } catch {
    return undefined;
  }
}

/** A keyset page's position: a plain integer in range, else unknown (a row after a cursor is at least the second). */
export function parsePosition(raw: string | undefined, after: boolean): number | undefined {
  if (!raw || !/^\d{1,10}$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= (after ? 2 : 1) && n <= MAX_POSITION ? n : undefined;
}

