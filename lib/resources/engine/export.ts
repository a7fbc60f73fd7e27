import { and } from "drizzle-orm";
import { getDb } from "../../db";
import { ownerScope, supports, type Viewer } from "../scope";
import { takeExportSlot } from "../../db/export-slots";
import { streamRows } from "../../db/stream-rows";
import { env } from "../../env";
import { logFailure } from "../../log";
import { csvLines } from "../csv";
import { centsToDecimal } from "../money";
import type { FieldDef, Resource } from "../types";
import type { ListQuery } from "./params";
import { buildOrderBy, buildWhere } from "./query";
import { sqlFields, sqlTable } from "../../db/query-tables";

const BATCH = 500;

/** Export columns: every field stored in a column and not write-only. */
function exportFields(resource: Resource): FieldDef[] {
  return resource.fields.filter((f) => f.column && !f.hidden);
}

/** Raw driver values (SQLite's numbers and JSON text, or PostgreSQL's dates, booleans and arrays) to CSV text. */
function cell(field: FieldDef, value: unknown): string {
  if (value === null || value === undefined) return "";
  switch (field.type) {
    case "money":
      return centsToDecimal(Number(value));
    case "boolean":
      return value === 1 || value === true ? "true" : "false";
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
 * The CSV of a list query as a byte stream: a header row of labels, then rows
 * in batches pulled only as fast as the client reads, so memory stays flat
 * whatever the number of rows. `viewer` (undefined: a trusted caller) sees
 * only the rows they may view and export. Each export holds one of
 * EXPORT_MAX_CONCURRENT slots (throws TooManyExports when none is free) for
 * at most EXPORT_MAX_SECONDS, after which the download is cut off.
 */
export function exportStream(resource: Resource, query: ListQuery, viewer?: Viewer | null): ReadableStream<Uint8Array> {
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
  let timer: NodeJS.Timeout | undefined;
  const finish = async () => {
    clearTimeout(timer);
    release();
    await rows.return().catch(() => undefined);
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvLines([["ID", ...fields.map((f) => f.label)]])));
      timer = setTimeout(() => {
        logFailure("export cut off", new Error(`export of ${resource.name} ran past EXPORT_MAX_SECONDS (${env.EXPORT_MAX_SECONDS} s)`));
        controller.error(new Error("export time limit reached"));
        void finish();
      }, env.EXPORT_MAX_SECONDS * 1000);
      timer.unref();
    },
    async pull(controller) {
      const batch: string[][] = [];
      try {
        for (let i = 0; i < BATCH; i++) {
          const next = await rows.next();
          if (next.done) break;
          const [id, ...values] = next.value;
          batch.push([String(id), ...values.map((v, j) => cell(fields[j]!, v))]);
        }
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
