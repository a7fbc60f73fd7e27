"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import type { Actor } from "../audit";
import { clientAddress } from "../net/client-address";
import type { UserAccess } from "../users/queries";
import { redirect } from "next/navigation";
import { mayAct } from "../permissions";
import { requireResource } from "./access";
import { parseForm, parseInlineValue, type FieldErrors, type RawValues } from "./engine/form";
import { parseId, type RowId } from "./engine/ids";
import { getVersion } from "./engine/record";
import { listConflictMessage } from "./engine/version";
import { goneMessage } from "./engine/targets";
import { createRecord, deleteRecords, runBulkAction, setFieldOnRecords, updateRecord } from "./panel";
import { BULK_SET } from "./inline-edit";
import { isKnownPermission } from "./permission-catalog";
import { fixedFields, supports } from "./scope";
import type { Resource } from "./types";
import { VERSION_FIELD } from "./version-field";

/**
 * The panel's server actions. They are public POST endpoints: each one
 * re-resolves the resource and re-checks the permission itself, whatever the
 * page that rendered the form allowed, and ignores fields the form does not have.
 */

export interface FormState {
  ok: boolean;
  message?: string;
  fieldErrors?: FieldErrors;
  values?: RawValues;
  /** After an edit conflict: the record's current version, so that saving again is a deliberate overwrite. */
  version?: string;
}

async function actorOf(user: UserAccess): Promise<Actor> {
  return { id: user.id, email: user.email, address: clientAddress(await headers()) };
}

function idsFrom(resource: Resource, form: FormData): RowId[] {
  return [...new Set(form.getAll("ids").map(String))]
    .slice(0, 1000)
    .map((raw) => parseId(resource, raw))
    .filter((id): id is RowId => id !== null);
}

/** The version an edit form was read at (a hidden field). */
function versionFrom(form: FormData): string | null {
  const v = form.get(VERSION_FIELD);
  return typeof v === "string" && v.length <= 100 ? v : null;
}

export async function saveRecordAction(resourceName: string, rawId: string | null, _prev: FormState, form: FormData): Promise<FormState> {
  const { resource, user } = await requireResource(resourceName, rawId === null ? "create" : "update");
  const id = rawId === null ? null : parseId(resource, String(rawId));
  if (rawId !== null && id === null) return { ok: false, message: goneMessage(resource, 1) };
  const parsed = parseForm(resource, id === null ? "create" : "update", form, isKnownPermission);
  if (!parsed.ok) return { ok: false, message: "Please correct the highlighted fields.", fieldErrors: parsed.fieldErrors, values: parsed.raw };
  const actor = await actorOf(user);
  const editor = { id: user.id, access: user.access };
  const result = id === null ? await createRecord(resource, actor, editor, parsed.values) : await updateRecord(resource, actor, editor, id, parsed.values, versionFrom(form));
  if (!result.ok) {
    return { ok: false, message: result.message ?? "Please correct the highlighted fields.", fieldErrors: result.fieldErrors, values: parsed.raw, version: result.version ?? versionFrom(form) ?? undefined };
  }
  revalidatePath(`/admin/${resource.name}`);
  redirect(`/admin/${resource.name}/${encodeURIComponent(String(result.id))}?notice=${id === null ? "created" : "updated"}`);
}

export async function deleteRecordAction(resourceName: string, rawId: string, _prev: FormState, _form: FormData): Promise<FormState> {
  const { resource, user } = await requireResource(resourceName, "delete");
  const id = parseId(resource, String(rawId));
  if (id === null) return { ok: false, message: goneMessage(resource, 1) };
  const result = await deleteRecords(resource, await actorOf(user), { id: user.id, access: user.access }, [id]);
  if (!result.ok) return { ok: false, message: result.message };
  if (result.count === 0) return { ok: false, message: goneMessage(resource, 1) };
  revalidatePath(`/admin/${resource.name}`);
  redirect(`/admin/${resource.name}?notice=deleted&count=1`);
}

export interface BulkState {
  ok: boolean;
  message?: string;
  /** Set when a destructive action waits for confirmation. */
  confirm?: { action: string; label: string; count: number; ids: string[] };
}

export async function bulkAction(resourceName: string, _prev: BulkState, form: FormData): Promise<BulkState> {
  if (form.get("action") === BULK_SET) return bulkSetAction(resourceName, form);
  const { resource, user } = await requireResource(resourceName, "view");
  const name = String(form.get("action") ?? "");
  const ids = idsFrom(resource, form);
  if (ids.length === 0) return { ok: false, message: "Select at least one row." };
  const declared = resource.bulkActions?.find((a) => a.name === name);
  const needed = name === "delete" ? "delete" : declared?.action;
  // Only what the resource declares: the audit log renders a list, but no write is posted to it.
  if (!needed || !supports(resource, needed)) return { ok: false, message: "Choose an action." };
  if (!mayAct(user.access, resource, needed)) return { ok: false, message: "You do not have permission to do that." };
  if (name === "delete" && form.get("confirmed") !== "yes") {
    return { ok: true, confirm: { action: name, label: "Delete", count: ids.length, ids: ids.map(String) } };
  }
  const actor = await actorOf(user);
  const editor = { id: user.id, access: user.access };
  const result = name === "delete" ? await deleteRecords(resource, actor, editor, ids) : await runBulkAction(resource, actor, editor, name, ids);
  if (!result.ok) return { ok: false, message: result.message };
  revalidatePath(`/admin/${resource.name}`);
  const back = String(form.get("back") ?? "");
  const list = back.startsWith(`/admin/${resource.name}`) && !back.startsWith("//") ? back : `/admin/${resource.name}`;
  const url = new URL(list, "http://x");
  url.searchParams.set("notice", name === "delete" ? "deleted" : "bulk");
  url.searchParams.set("count", String(result.count));
  redirect(`${url.pathname}${url.search}`);
}

/** Where the bulk form goes back to: the list it was on, never elsewhere. */
function backTo(resource: Resource, form: FormData, notice: string, count: number): string {
  const back = String(form.get("back") ?? "");
  const list = back.startsWith(`/admin/${resource.name}`) && !back.startsWith("//") ? back : `/admin/${resource.name}`;
  const url = new URL(list, "http://x");
  url.searchParams.set("notice", notice);
  url.searchParams.set("count", String(count));
  return `${url.pathname}${url.search}`;
}

/**
 * "Set field…" on the selected rows: needs update permission, takes only a
 * field marked `inlineEdit`, checks the value as the edit form would (an
 * invalid one writes nothing) and sets it in one transaction.
 */
async function bulkSetAction(resourceName: string, form: FormData): Promise<BulkState> {
  const { resource, user } = await requireResource(resourceName, "update");
  const ids = idsFrom(resource, form);
  if (ids.length === 0) return { ok: false, message: "Select at least one row." };
  const key = String(form.get("field") ?? "");
  const field = resource.fieldMap.get(key);
  if (!field?.inlineEdit) return { ok: false, message: "Choose a field to set." };
  const parsed = parseInlineValue(resource, key, String(form.get("value") ?? ""));
  if (!parsed.ok) return { ok: false, message: `${field.label}: ${parsed.error}` };
  const result = await setFieldOnRecords(resource, await actorOf(user), { id: user.id, access: user.access }, key, parsed.value, ids);
  if (!result.ok) return { ok: false, message: result.message };
  revalidatePath(`/admin/${resource.name}`);
  redirect(backTo(resource, form, "bulk", result.count));
}

export interface InlineEditState {
  ok: boolean;
  message?: string;
  /** Someone saved the record since the list was read: nothing was written. */
  conflict?: boolean;
  /** The record's version now, so that the row's next edit saves against it. */
  version?: string;
}

/**
 * Saves one cell edited in a list: the record's id, the field, the typed value
 * and the version the list was read at. The same checks as the edit form
 * (update permission, the field's validation, the edit policy, the edit
 * conflict check, the audit log) through updateRecord; only fields marked
 * `inlineEdit` are accepted, anything else in the request is ignored.
 */
export async function inlineEditAction(resourceName: string, form: FormData): Promise<InlineEditState> {
  const { resource, user } = await requireResource(resourceName, "update");
  const key = String(form.get("field") ?? "");
  if (!resource.fieldMap.get(key)?.inlineEdit) return { ok: false, message: "This field cannot be changed here." };
  // A field the user may not change (items:price, an owner): said, not silently ignored as in the form.
  const fixed = fixedFields(resource, user).get(key);
  if (fixed) return { ok: false, message: fixed };
  const id = parseId(resource, String(form.get("id") ?? ""));
  if (id === null) return { ok: false, message: goneMessage(resource, 1) };
  const parsed = parseInlineValue(resource, key, String(form.get("value") ?? ""));
  if (!parsed.ok) return { ok: false, message: parsed.error };
  const result = await updateRecord(resource, await actorOf(user), { id: user.id, access: user.access }, id, { [key]: parsed.value }, versionFrom(form));
  if (!result.ok) {
    if (result.version) {
      revalidatePath(`/admin/${resource.name}`);
      return { ok: false, conflict: true, message: listConflictMessage(result.message ?? ""), version: result.version };
    }
    return { ok: false, message: result.fieldErrors?.[key] ?? result.message ?? Object.values(result.fieldErrors ?? {})[0] ?? "Nothing was saved." };
  }
  revalidatePath(`/admin/${resource.name}`);
  return { ok: true, version: await getVersion(resource, id) };
}
