"use server";

import { z } from "zod";
import { refuse } from "../actions/client";
import { resourceAction } from "../actions/clients";
import { optionalText } from "../actions/form-input";
import { FIX_FIELDS } from "../actions/state";
import { mayAct } from "../permissions";
import { formFields, parseForm, type FieldErrors, type FormMode, type RawValues } from "./engine/form";
import { parseId } from "./engine/ids";
import { goneMessage } from "./engine/targets";
import { engineWords, type Words } from "./engine/words";
import { translator } from "../i18n/translator";
import { createRecord, deleteRecords, findByLabel, updateRecord } from "./panel";
import { LABEL_SUFFIX, WAS_SUFFIX } from "./reference-input";
import { getResource } from "./registry";
import type { Resource } from "./types";
import type { Viewer } from "./scope";
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

/**
 * References typed as text (a picker without JavaScript, see reference-input.ts):
 * each is resolved to the one row the viewer may view whose title or search
 * field equals it, and set in `form` as its id; none or several is the field's
 * error. Returns the errors and what was typed, to show again.
 */
async function resolveTypedReferences(resource: Resource, mode: FormMode, form: FormData, viewer: Viewer): Promise<{ errors: FieldErrors; typed: RawValues }> {
  const errors: FieldErrors = {};
  const typed: RawValues = {};
  const t = await translator("actions");
  const words = await engineWords();
  for (const field of formFields(resource, mode)) {
    const raw = form.get(field.key + LABEL_SUFFIX);
    if (field.type !== "reference" || !field.reference || typeof raw !== "string") continue;
    const text = raw.trim().slice(0, 254);
    typed[field.key + LABEL_SUFFIX] = text;
    // Unchanged from what the form showed: the row it showed stays (checked like any submitted id).
    const was = form.get(field.key + WAS_SUFFIX);
    if (text && typeof was === "string" && text === was.trim() && form.get(field.key)) continue;
    const target = getResource(field.reference.resource);
    const ids = text && target && mayAct(viewer.access, target, "view") ? await findByLabel(target.name, text, viewer) : [];
    if (!text) form.set(field.key, "");
    else if (ids.length === 1) form.set(field.key, String(ids[0]));
    else if (!ids.length) errors[field.key] = target ? t("noMatch", { singular: words.noun(target.singular), text }) : t("noMatchRecord", { text });
    else errors[field.key] = t("several", { plural: words.noun(target!.label), text, by: matchedBy(words, target!) });
  }
  return { errors, typed };
}

/** What a typed reference is matched on, for the message: "name or contact email". */
function matchedBy({ noun, or }: Words, target: Resource): string {
  const title = target.fields.find((f) => f.column === target.title)?.key;
  const keys = [...new Set([title, ...(target.search ?? [])])].filter((k): k is string => !!k);
  return or(keys.map((k) => noun(target.fieldMap.get(k)?.label ?? k)));
}

/** Where a saved record's form goes: Django's _save (details), _addanother (a new form), _continue (its edit form). */
function afterSave(resource: Resource, form: FormData, id: string, created: boolean): string {
  const base = `/admin/${resource.name}`;
  const notice = created ? "created" : "updated";
  if (form.has("_addanother")) return `${base}/new?notice=${notice}&saved=${encodeURIComponent(id)}`;
  if (form.has("_continue")) return `${base}/${encodeURIComponent(id)}/edit?notice=${notice}`;
  return `${base}/${encodeURIComponent(id)}?notice=${notice}`;
}

/** Create (bound id null) or update: `saveRecordAction.bind(null, resource, id)`. */
export const saveRecordAction = resourceAction((call) => (call.bound[1] === null ? "create" : "update")).stateAction({
  bound: z.tuple([resourceName, recordId.nullable()]),
  input: z.object({ [VERSION_FIELD]: optionalText(100) }),
  run: async ({ ctx: { resource, actor, editor }, input, bound: [, rawId], form }) => {
    const id = rawId === null ? null : parseId(resource, rawId);
    if (rawId !== null && id === null) return refuse(await goneMessage(resource, 1));
    const mode = id === null ? "create" : "update";
    const { errors, typed } = await resolveTypedReferences(resource, mode, form, editor);
    // The resource's own rules (types, required, enums, references), zod schemas built from its table.
    const parsed = await parseForm(resource, mode, form, isKnownPermission);
    const raw = { ...parsed.raw, ...typed };
    if (!parsed.ok || Object.keys(errors).length) return refuse(FIX_FIELDS, { fieldErrors: { ...(parsed.ok ? {} : parsed.fieldErrors), ...errors }, values: raw });
    const version = input[VERSION_FIELD] ?? null;
    const result = id === null ? await createRecord(resource, actor, editor, parsed.values) : await updateRecord(resource, actor, editor, id, parsed.values, version);
    if (!result.ok) {
      // After an edit conflict the form carries the current version, so that saving again is a deliberate overwrite.
      const current = result.version ?? version;
      return refuse(result.message ?? FIX_FIELDS, { fieldErrors: result.fieldErrors, values: current ? { ...raw, [VERSION_FIELD]: current } : raw });
    }
    return { revalidate: `/admin/${resource.name}`, redirect: afterSave(resource, form, String(result.id), id === null) };
  },
});

/** `deleteRecordAction.bind(null, resource, id)`. */
export const deleteRecordAction = resourceAction("delete").stateAction({
  bound: z.tuple([resourceName, recordId]),
  input: z.object({}),
  run: async ({ ctx: { resource, actor, editor }, bound: [, rawId] }) => {
    const id = parseId(resource, rawId);
    if (id === null) return refuse(await goneMessage(resource, 1));
    const result = await deleteRecords(resource, actor, editor, [id]);
    if (!result.ok) return refuse(result.message);
    if (result.count === 0) return refuse(await goneMessage(resource, 1));
    return { revalidate: `/admin/${resource.name}`, redirect: `/admin/${resource.name}?notice=deleted&count=1` };
  },
});
