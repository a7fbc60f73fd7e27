import { writeTransaction } from "../../../db";
import { constraintViolation } from "../../../db/dialect";
import { UserFacingError } from "../../../errors";
import type { Resource } from "../../types";
import type { EngineContext, Actor } from "../context";
import type { FieldErrors } from "../form";
import type { RowId } from "../ids";
import { goneMessage, NotThere } from "../targets";
import { EditConflict } from "../version";
import { engineWords, type EngineT } from "../words";

/**
 * What every write of the engine answers: how many rows it wrote (and the
 * id of a saved one), or why it wrote nothing. Expected refusals come back
 * here; anything else is thrown.
 */
export type WriteResult =
  | { ok: true; id?: RowId; count: number }
  | {
      ok: false;
      message: string;
      fieldErrors?: FieldErrors;
      /** After an edit conflict: the record's current version (signed). */
      version?: string;
      /** After an edit conflict: the message worded for a value edited in a list. */
      listMessage?: string;
      /** The target is missing or not the editor's: the one "does not exist" answer. */
      notFound?: boolean;
    };

/** A refusal of one or more fields, with the reasons next to them. */
export class FieldErrorsThrown extends Error {
  constructor(readonly fieldErrors: FieldErrors) {
    super("field errors");
  }
}

/** Where the refusal is shown: a form (reasons next to its fields) or a list (one message). */
export type Door = "form" | "list";

function fieldRefusal(t: EngineT, fieldErrors: FieldErrors, door: Door): WriteResult {
  const summary = t("write.correctFields");
  return { ok: false, message: door === "list" ? (Object.values(fieldErrors)[0] ?? summary) : summary, fieldErrors };
}

function constraintRefusal(t: EngineT, resource: Resource, error: unknown, door: Door): WriteResult | null {
  const violation = constraintViolation(error);
  if (!violation) return null;
  const field = resource.fields.find((f) => f.column && violation.columns.includes(f.column.name));
  if (violation.kind === "unique" && field) return fieldRefusal(t, { [field.key]: t("write.inUse", { field: field.label }) }, door);
  if (violation.kind === "foreign-key") return { ok: false, message: t("write.referenced") };
  return { ok: false, message: t("write.brokenRule"), fieldErrors: field ? { [field.key]: t("field.notValid", { field: field.label }) } : undefined };
}

/**
 * The one place a refused write becomes its answer. A row missing and a row
 * outside the editor's scope get the same message; under a restricted scope
 * the attempt is logged as `denied` (in a transaction of its own: the refused
 * one was rolled back), for a missing row as for someone else's.
 */
export async function refusal(ctx: EngineContext, resource: Resource, actor: Actor, action: string, error: unknown, count: number, door: Door): Promise<WriteResult> {
  if (error instanceof NotThere) {
    if (error.restricted) {
      await writeTransaction(ctx.db(), async (tx) => {
        for (const id of error.ids) await ctx.audit.record(tx, actor, { action: "denied", resource: resource.name, recordId: id, summary: `${action}: not within the user's records` });
      });
    }
    return { ok: false, message: await goneMessage(resource, count), notFound: true };
  }
  if (error instanceof EditConflict) return { ok: false, message: error.message, listMessage: error.listMessage, version: error.version };
  if (error instanceof UserFacingError) return { ok: false, message: error.message, ...(error.field ? { fieldErrors: { [error.field]: error.message } } : {}) };
  const { t } = await engineWords();
  if (error instanceof FieldErrorsThrown) return fieldRefusal(t, error.fieldErrors, door);
  const translated = constraintRefusal(t, resource, error, door);
  if (translated) return translated;
  throw error;
}
