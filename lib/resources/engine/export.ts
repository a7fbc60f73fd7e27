import { and } from "drizzle-orm";
import { getDb } from "../../db";
import { ownerScope, supports, type Viewer } from "../scope";
import { takeExportSlot } from "../../db/export-slots";
import { streamRows } from "../../db/stream-rows";
import { env } from "../../env";
import { logFailure } from "../../log";
import { translator } from "../../i18n/translator";
import { csvLines } from "../csv";
import { centsToDecimal } from "../money";
import type { FieldDef, Resource } from "../types";
import type { ListQuery } from "./params";
import { buildOrderBy, buildWhere } from "./query";
import { sqlFields, sqlTable } from "../../db/query-tables";
import type { Registry } from "./context";
import { labelsFor, mayLabel } from "./labels";
import { targetId } from "./references";

const BATCH = 500;

/** Export columns: every field stored in a column and not write-only. */
function exportFields(resource: Resource): FieldDef[] {
  return resource.fields.filter((f) => f.column && !f.hidden);
}

/** The words a CSV holds besides its data, in the reader's language (English outside a request). */
interface CsvWords {
  id: string;
  yes: string;
  no: string;
}

async function csvWords(): Promise<CsvWords> {
  const [list, values] = await Promise.all([translator("list"), translator("values")]);
  return { id: list("csv.id"), yes: values("yes"), no: values("no") };
}

/**
 * Raw driver values (SQLite's numbers and JSON text, or PostgreSQL's dates,
 * booleans and arrays) to CSV text: what the list shows (Yes/No in the
 * reader's language), except where a spreadsheet needs the plain value (money
 * as a decimal, times as UTC ISO instants, which a spreadsheet reads whatever
 * the viewer's zone).
 */
function cell(field: FieldDef, value: unknown, words: CsvWords): string {
  if (value === null || value === undefined) return "";
  switch (field.type) {
    case "money":
      return centsToDecimal(Number(value));
    case "boolean":
      return value === 1 || value === true ? words.yes : words.no;
    case "datetime":
      if (value instanceof Date) return value.toISOString();
      return typeof value === "number" ? new Date(value).toISOString() : String(value);
    case "permissions":
      if (Array.isArray(value)) return value.join(" ");
      return typeof value === "string" ? (JSON.parse(value) as string[]).join(" ") : String(value);
    default:
      return String(value);
  }
}

/**
 * A reference cell shows what the list shows: the referenced row's title
 * (an owner's e-mail) to a reader who may view that row, else its id. One
 * query per reference field and batch. Cells are already text; ids are looked
 * up in the target's id type.
 */
async function labelReferences(registry: Registry, fields: FieldDef[], batch: string[][], viewer: Viewer | null | undefined): Promise<void> {
  for (const [j, field] of fields.entries()) {
    if (field.type !== "reference" || !field.reference || !mayLabel(registry, viewer, field.reference.resource)) continue;
    const target = field.reference.resource;
    const ids = [...new Set(batch.map((row) => row[j + 1]!).filter((v) => v !== ""))];
    const labels = await labelsFor(registry, target, ids.map((v) => targetId(registry, target, v)), viewer);
    for (const row of batch) {
      const label = row[j + 1] ? labels.get(targetId(registry, target, row[j + 1])) : undefined;
      if (label !== undefined) row[j + 1] = label;
    }
  }
}

/**
 * The CSV of a list query as a byte stream: a header row of labels (the
 * resource's, so a localized resource gives localized headers), then rows
 * in batches pulled only as fast as the client reads, so memory stays flat
 * whatever the number of rows. `viewer` (undefined: a trusted caller) sees
 * only the rows they may view and export; with the `registry`, references are
 * written as their titles where the reader may see them. Each export holds one of
 * EXPORT_MAX_CONCURRENT slots (throws TooManyExports when none is free) for
 * at most EXPORT_MAX_SECONDS, after which the download is cut off.
 */
export function exportStream(resource: Resource, query: ListQuery, viewer?: Viewer | null, registry?: Registry): ReadableStream<Uint8Array> {
  // The route answers 404 first; the engine holds the line for any other caller.
  if (!supports(resource, "export")) throw new Error(`${resource.name} declares no export`);
  const fields = exportFields(resource);
  const shape = Object.fromEntries(fields.map((f) => [f.key, f.column!]));
  // Only the rows the reader may both view and export.
  const restrict = and(ownerScope(resource, viewer, "view"), ownerScope(resource, viewer, "export"));
  const select = getDb().select(sqlFields({ __id: resource.id, ...shape })).from(sqlTable(resource.table)).where(buildWhere(resource, query, "scan", undefined, restrict)).orderBy(...buildOrderBy(resource, query.sort));
  const encoder = new TextEncoder();
  const release = takeExportSlot();
  const rows = streamRows(select, BATCH);
  // Asked for here, inside the request, for its locale; the stream's pulls may run after it.
  const asked = csvWords();
  let words: CsvWords;
  let timer: NodeJS.Timeout | undefined;
  const finish = async () => {
    clearTimeout(timer);
    release();
    await rows.return().catch(() => undefined);
  };
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      timer = setTimeout(() => {
        logFailure("export cut off", new Error(`export of ${resource.name} ran past EXPORT_MAX_SECONDS (${env.EXPORT_MAX_SECONDS} s)`));
        controller.error(new Error("export time limit reached"));
        void finish();
      }, env.EXPORT_MAX_SECONDS * 1000);
      timer.unref();
      try {
        words = await asked;
      } catch (error) {
        await finish();
        throw error;
      }
      controller.enqueue(encoder.encode(csvLines([[words.id, ...fields.map((f) => f.label)]])));
    },
    async pull(controller) {
      const batch: string[][] = [];
      try {
        for (let i = 0; i < BATCH; i++) {
          const next = await rows.next();
          if (next.done) break;
          const [id, ...values] = next.value;
          batch.push([String(id), ...values.map((v, j) => cell(fields[j]!, v, words))]);
        }
        if (registry) await labelReferences(registry, fields, batch, viewer);
      } catch (error) {
        logFailure("export failed", error, { resource: resource.name });
        await finish();
        throw error;
      }
      if (batch.length) controller.enqueue(encoder.encode(csvLines(batch)));
      if (batch.length < BATCH) {
        await finish();
        controller.close();
      }
    },
    cancel: finish,
  });
}
