"use server";

import { z } from "zod";
import { refuse } from "../actions/client";
import { resourceAction } from "../actions/clients";
import { optionalText } from "../actions/form-input";
import { FIX_FIELDS } from "../actions/state";
import { parseForm } from "./engine/form";
import { parseId } from "./engine/ids";
import { goneMessage } from "./engine/targets";
import { createRecord, deleteRecords, updateRecord } from "./panel";
import { isKnownPermission } from "./permission-catalog";
import { VERSION_FIELD } from "./version-field";

/**
 * The record form's server actions (bulk-actions.ts and inline-actions.ts
 * hold the list's). They are public POST endpoints: the wrapper re-resolves
 * the session and the resource and re-checks the permission, whatever the
 * page that rendered the form allowed; the engine's form reader ignores
 * fields the form does not have.
 */

const resourceName = z.string().max(64);
const recordId = z.string().max(200);

/** Create (bound id null) or update: `saveRecordAction.bind(null, resource, id)`. */
export const saveRecordAction = resourceAction((call) => (call.bound[1] === null ? "create" : "update")).stateAction({
  bound: z.tuple([resourceName, recordId.nullable()]),
  input: z.object({ [VERSION_FIELD]: optionalText(100) }),
  run: async ({ ctx: { resource, actor, editor }, input, bound: [, rawId], form }) => {
    const id = rawId === null ? null : parseId(resource, rawId);
    if (rawId !== null && id === null) return refuse(goneMessage(resource, 1));
    // The resource's own rules (types, required, enums, references), zod schemas built from its table.
    const parsed = parseForm(resource, id === null ? "create" : "update", form, isKnownPermission);
    if (!parsed.ok) return refuse(FIX_FIELDS, { fieldErrors: parsed.fieldErrors, values: parsed.raw });
    const version = input[VERSION_FIELD] ?? null;
    const result = id === null ? await createRecord(resource, actor, editor, parsed.values) : await updateRecord(resource, actor, editor, id, parsed.values, version);
    if (!result.ok) {
      // After an edit conflict the form carries the current version, so that saving again is a deliberate overwrite.
      const current = result.version ?? version;
      return refuse(result.message ?? FIX_FIELDS, { fieldErrors: result.fieldErrors, values: current ? { ...parsed.raw, [VERSION_FIELD]: current } : parsed.raw });
    }
    return { revalidate: `/admin/${resource.name}`, redirect: `/admin/${resource.name}/${encodeURIComponent(String(result.id))}?notice=${id === null ? "created" : "updated"}` };
  },
});

/** `deleteRecordAction.bind(null, resource, id)`. */
export const deleteRecordAction = resourceAction("delete").stateAction({
  bound: z.tuple([resourceName, recordId]),
  input: z.object({}),
  run: async ({ ctx: { resource, actor, editor }, bound: [, rawId] }) => {
    const id = parseId(resource, rawId);
    if (id === null) return refuse(goneMessage(resource, 1));
    const result = await deleteRecords(resource, actor, editor, [id]);
    if (!result.ok) return refuse(result.message);
    if (result.count === 0) return refuse(goneMessage(resource, 1));
    return { revalidate: `/admin/${resource.name}`, redirect: `/admin/${resource.name}?notice=deleted&count=1` };
  },
});
