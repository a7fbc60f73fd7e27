"use server";

import { z } from "zod";
import { refuse } from "../actions/client";
import { declaredAction, resourceAction } from "../actions/clients";
import { list, text, whole } from "../actions/form-input";
import type { Action } from "../permissions";
import { parseInlineValue } from "./engine/form";
import { parseId, type RowId } from "./engine/ids";
import { deleteRecords, runBulkAction, setFieldOnRecords } from "./panel";
import { BULK_SET } from "./inline-edit";
import type { Resource } from "./types";

/** A destructive bulk action waiting for the user to confirm it. */
export interface BulkConfirmation {
  confirm: { action: string; label: string; count: number; ids: string[] };
}

/** The resource action a bulk action needs: only what the resource declares (the audit log declares no write). */
function neededFor(resource: Resource, form: FormData): Action | undefined {
  const name = form.get("action");
  if (name === "delete") return "delete";
  if (name === BULK_SET) return "update";
  return resource.bulkActions?.find((a) => a.name === name)?.action;
}

/** Where the bulk form goes back to: the list it was on, never elsewhere. */
function backTo(resource: Resource, back: string, notice: string, count: number): string {
  const list = back.startsWith(`/admin/${resource.name}`) && !back.startsWith("//") ? back : `/admin/${resource.name}`;
  const url = new URL(list, "http://x");
  url.searchParams.set("notice", notice);
  url.searchParams.set("count", String(count));
  return `${url.pathname}${url.search}`;
}

const bulkInput = z.object({ action: text(100), ids: list(1000), confirmed: text(10), back: text(2000), field: text(100), value: whole });

/**
 * The list's bulk actions on the selected rows (`bulkAction.bind(null,
 * resource)`): a declared action, delete (confirmed first, with the number of
 * rows), or "Set field…", which takes only a field marked `inlineEdit` and
 * checks its value as the edit form would (an invalid one writes nothing).
 */
export const bulkAction = resourceAction("view")
  .use(declaredAction(neededFor))
  .stateAction({
    bound: z.tuple([z.string().max(64)]),
    input: bulkInput,
    run: async ({ ctx: { resource, actor, editor }, input }) => {
      const ids = input.ids.map((raw) => parseId(resource, raw)).filter((id): id is RowId => id !== null);
      if (ids.length === 0) return refuse("Select at least one row.");
      const { action: name } = input;
      if (name === BULK_SET) {
        const field = resource.fieldMap.get(input.field);
        if (!field?.inlineEdit) return refuse("Choose a field to set.");
        const parsed = parseInlineValue(resource, field.key, input.value);
        if (!parsed.ok) return refuse(`${field.label}: ${parsed.error}`);
        const result = await setFieldOnRecords(resource, actor, editor, field.key, parsed.value, ids);
        if (!result.ok) return refuse(result.message);
        return { revalidate: `/admin/${resource.name}`, redirect: backTo(resource, input.back, "bulk", result.count) };
      }
      if (name === "delete" && input.confirmed !== "yes") {
        return { ok: true, data: { confirm: { action: name, label: "Delete", count: ids.length, ids: ids.map(String) } } as BulkConfirmation };
      }
      const result = name === "delete" ? await deleteRecords(resource, actor, editor, ids) : await runBulkAction(resource, actor, editor, name, ids);
      if (!result.ok) return refuse(result.message);
      return { revalidate: `/admin/${resource.name}`, redirect: backTo(resource, input.back, name === "delete" ? "deleted" : "bulk", result.count) };
    },
  });
