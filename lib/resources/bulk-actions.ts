"use server";

import { z } from "zod";
import { refuse, Refused } from "../actions/client";
import { declaredAction, resourceAction } from "../actions/clients";
import { list, text, whole } from "../actions/form-input";
import type { Action } from "../permissions";
import { parseInlineValue } from "./engine/form";
import { parseId, type RowId } from "./engine/ids";
import { parseListQuery, type RawParams } from "./engine/params";
import { deleteRecords, matchingIds, runBulkAction, setFieldOnRecords } from "./panel";
import type { Viewer } from "./scope";
import { BULK_SET } from "./inline-edit";
import type { Resource } from "./types";
import { viewerTimeZone } from "../time-zone";
import { ownList } from "./own-list";
import { translator } from "../i18n/translator";
import { labelInSentence } from "./localize";
import { currentLocale } from "../i18n/server";

/** A destructive bulk action waiting for the user to confirm it: on `ids`, or on every row of the list (`all`). */
export interface BulkConfirmation {
  confirm: { action: string; label: string; count: number; ids: string[]; all?: boolean; changed?: boolean };
}

/** At most this many rows for "all matching": beyond it the list must be narrowed first (one transaction, bounded). */
const MAX_ALL = 1000;

/** The resource action a bulk action needs: only what the resource declares (the audit log declares no write). */
function neededFor(resource: Resource, form: FormData): Action | undefined {
  const name = form.get("action");
  if (name === "delete") return "delete";
  if (name === BULK_SET) return "update";
  return resource.bulkActions?.find((a) => a.name === name)?.action;
}

/** The list the bulk form was on, never elsewhere. */
function listUrl(resource: Resource, back: string): URL {
  return ownList(resource.name, back) ?? new URL(`/admin/${resource.name}`, "http://x");
}

/** Where the bulk form goes back to, with the notice. */
function backTo(resource: Resource, back: string, notice: string, count: number): string {
  const url = listUrl(resource, back);
  url.searchParams.set("notice", notice);
  url.searchParams.set("count", String(count));
  return `${url.pathname}${url.search}`;
}

/** The rows to act on: the ticked ones, or every row of the list's query as the server reads it now, in the editor's scope. */
async function targets(resource: Resource, editor: Viewer, action: Action, input: { scope: string; ids: string[]; back: string }): Promise<RowId[] | Refused> {
  if (input.scope !== "all") return input.ids.map((raw) => parseId(resource, raw)).filter((id): id is RowId => id !== null);
  // "All matching" means the list's query: without that list, nothing (never the whole table by accident).
  const list = ownList(resource.name, input.back);
  const t = await translator("notices.bulk");
  if (!list) return refuse(t("listUnreadable"));
  const params: RawParams = {};
  for (const [key, value] of list.searchParams) {
    const had = params[key];
    params[key] = had === undefined ? value : [...(Array.isArray(had) ? had : [had]), value];
  }
  const ids = await matchingIds(resource, parseListQuery(resource, params, await viewerTimeZone(), await currentLocale()), editor, action, MAX_ALL);
  return ids ?? refuse(t("tooMany", { max: MAX_ALL, resources: labelInSentence(resource, await currentLocale()) }));
}

const bulkInput = z.object({ action: text(100), ids: list(1000), confirmed: text(10), back: text(2000), field: text(100), value: whole, scope: text(10), count: text(12) });

/**
 * The list's bulk actions (`bulkAction.bind(null, resource)`) on the ticked
 * rows or, with `scope=all`, on every row of the list's query (read again on
 * the server in the user's scope, at most MAX_ALL): a declared action, delete
 * (confirmed first, with the number of rows; asked again if that number has
 * changed), or "Set field…", which takes only a field marked `inlineEdit`
 * and checks its value as the edit form would (an invalid one writes
 * nothing). Without JavaScript the value comes as `value:<field>`. A refusal
 * carries the chosen action back, so the form keeps it.
 */
export const bulkAction = resourceAction("view")
  .use(declaredAction(neededFor))
  .stateAction({
    bound: z.tuple([z.string().max(64)]),
    input: bulkInput,
    run: async ({ ctx: { resource, actor, editor, action: needed }, input, form }) => {
      const { action: name } = input;
      const t = await translator("notices.bulk");
      const keep = { values: { action: name, scope: input.scope === "all" ? "all" : "selected" } };
      const all = input.scope === "all";
      const ids = await targets(resource, editor, needed, input);
      if (ids instanceof Refused) return refuse(ids.state.message ?? "", keep);
      if (ids.length === 0) return refuse(all ? t("noneMatch", { resources: labelInSentence(resource, await currentLocale()) }) : t("selectRows"), keep);
      if (name === BULK_SET) {
        const field = resource.fieldMap.get(input.field);
        if (!field?.inlineEdit) return refuse(t("chooseField"), keep);
        const typed = form.get(`value:${field.key}`);
        const parsed = await parseInlineValue(resource, field.key, typeof typed === "string" ? typed : input.value);
        if (!parsed.ok) return refuse(t("fieldError", { field: field.label, error: parsed.error }), keep);
        const result = await setFieldOnRecords(resource, actor, editor, field.key, parsed.value, ids);
        if (!result.ok) return refuse(result.message, keep);
        return { revalidate: `/admin/${resource.name}`, redirect: backTo(resource, input.back, "bulk", result.count) };
      }
      const changed = all && input.confirmed === "yes" && input.count !== String(ids.length);
      if (name === "delete" && (input.confirmed !== "yes" || changed)) {
        return { ok: true, data: { confirm: { action: name, label: t("delete"), count: ids.length, ids: all ? [] : ids.map(String), ...(all ? { all } : {}), ...(changed ? { changed } : {}) } } as BulkConfirmation };
      }
      const result = name === "delete" ? await deleteRecords(resource, actor, editor, ids) : await runBulkAction(resource, actor, editor, name, ids);
      if (!result.ok) return refuse(result.message, keep);
      return { revalidate: `/admin/${resource.name}`, redirect: backTo(resource, input.back, name === "delete" ? "deleted" : "bulk", result.count) };
    },
  });
