import type { Column } from "drizzle-orm";
import type { FieldDef, Resource } from "../types";
import type { Cursor } from "./params";
import type { RowId } from "./ids";

/**
 * Reads for the generic pages. Rows are small objects keyed by field key:
 * only declared fields are selected, so columns that no field names (password
 * hashes, security stamps) never leave the server.
 */

export type { RowId };

/**
 * Counting: a list shows an exact total up to COUNT_CAP rows and "10,000+"
 * beyond, so no page view pays a full count(*) over a huge table; the count is
 * a bounded subquery that stops after COUNT_CAP + 1 matches.
 */
export const COUNT_CAP = 10_000;

export interface RefValue {
  id: RowId;
  label: string;
  /** A reference's row the viewer may open (a link); false: its label is text only (see labels.ts). */
  open?: boolean;
}
export interface Row {
  id: RowId;
  values: Record<string, unknown>;
  refs: Record<string, RefValue | null>;
  /** On lists with inline editing: the version each cell editor saves against (see engine/version.ts). */
  version?: string;
}
export interface ListResult {
  rows: Row[];
  total: number;
  totalCapped: boolean;
  pageCount: number;
  page: number;
  /** Where the next page starts (keyset), when there is one. */
  next?: Cursor;
  /** On a page reached by cursor: where the previous page ends (its first row). */
  prev?: Cursor;
  /** True when this page was reached by cursor, so its page number is unknown. */
  byCursor: boolean;
}

export function selection(resource: Resource, fields: FieldDef[]) {
  const shape: Record<string, Column> = { __id: resource.id };
  for (const f of fields) if (f.column) shape[f.key] = f.column;
  return shape;
}

export function toRow(raw: Record<string, unknown>): Row {
  const { __id, ...values } = raw;
  return { id: __id as RowId, values, refs: {} };
}

