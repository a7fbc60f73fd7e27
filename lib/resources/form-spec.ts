import type { FormMode } from "./engine/form";
import { formFields } from "./engine/form";
import { currentLocale } from "../i18n/server";
import { getLocalResource } from "./localize";
import { permissionMatrix, type MatrixRow } from "./permission-catalog";
import { forcedOwner, ownerField, type Viewer } from "./scope";
import type { RecordDetails } from "./engine/record";
import type { RefValue } from "./engine/rows";
import { engineWords, type Words } from "./engine/words";
import { allOptions } from "./panel";
import { centsToDecimal } from "./money";
import { getResource, RESOURCES } from "./registry";
import type { EditPolicy, FieldType, Resource } from "./types";
import type { Locale } from "../i18n/locales";
import { mayAct } from "../permissions";

/** What a client form needs to draw one field: plain data, no table objects. */
export interface FormFieldSpec {
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  maxLength?: number;
  options?: readonly string[];
  /** enum: each option's words in the reader's language; the option's value stays the stored one. */
  optionLabels?: Readonly<Record<string, string>>;
  help?: string;
  /** reference: where the picker looks up rows. */
  lookup?: string;
  /** many: every choice; permissions: the matrix. */
  choices?: RefValue[];
  matrix?: MatrixRow[];
  /** reference: the current row's label as the viewer may see it (engine/labels.ts). */
  currentLabel?: string;
  /** reference: how to name a row when typing it without JavaScript. */
  lookupHint?: string;
  /** Shown but not editable (e.g. the admin role's permissions). */
  readOnly?: boolean;
  /** many/permissions: choices shown but not editable. */
  lockedChoices?: string[];
  /** Why some of this field may not be changed. */
  note?: string;
}

/**
 * The form's fields for `mode`, with what `policy` (the editor's delegation
 * rules and field permissions) locks. A reference to a resource that `viewer`
 * may not view gets no picker and shows the id only, never the other
 * resource's titles. A new record's owner is left out when the viewer may only
 * create their own (the server sets it).
 */
export async function formSpec(resource: Resource, mode: FormMode, record?: RecordDetails | null, { policy = {}, viewer }: { policy?: EditPolicy; viewer?: Viewer | null } = {}): Promise<FormFieldSpec[]> {
  const locked = new Set(record ? (resource.lockedFields?.(record.values) ?? []) : []);
  const mayView = (target: string | undefined) => {
    const r = target ? getResource(target) : undefined;
    return !!r && !!viewer && mayAct(viewer.access, r, "view");
  };
  const forced = mode === "create" && viewer && forcedOwner(resource, viewer) !== undefined ? ownerField(resource)?.key : undefined;
  const fields = formFields(resource, mode).filter((f) => f.key !== forced);
  const [words, locale] = await Promise.all([engineWords(), currentLocale()]);
  const options = new Map<string, RefValue[]>();
  for (const f of fields) if (f.type === "many" && f.many) options.set(f.key, await allOptions(f.many.resource));
  return fields.map((f) => {
    const choices = options.get(f.key);
    const matrix = f.type === "permissions" ? permissionMatrix(RESOURCES, locale) : undefined;
    const rule = policy.lockedChoices?.[f.key];
    const values = choices?.map((c) => String(c.id)) ?? matrix?.flatMap((row) => [...row.cells.flatMap((c) => (c.supported ? [c.all, ...(c.own ? [c.own] : [])] : [])), ...row.extras.map((e) => e.value)]) ?? [];
    const lockedChoices = rule ? values.filter(rule.isLocked) : undefined;
    const note = policy.locked?.[f.key] ?? (lockedChoices?.length ? rule?.reason : undefined);
    return {
      key: f.key,
      label: mode === "update" && f.type === "password" ? words.t("form.newPassword") : f.label,
      type: f.type,
      required: !!f.required || (f.type === "password" && mode === "create"),
      maxLength: f.maxLength,
      options: f.options,
      optionLabels: f.optionLabels,
      help: mode === "update" && f.type === "password" ? words.t("form.keepPassword") : f.help,
      lookup: f.type === "reference" && mayView(f.reference?.resource) ? `/admin/${resource.name}/lookup?field=${encodeURIComponent(f.key)}` : undefined,
      choices,
      matrix,
      currentLabel: f.type === "reference" ? record?.refs[f.key]?.label : undefined,
      lookupHint: f.type === "reference" && mayView(f.reference?.resource) ? typingHint(words, f.reference!.resource, locale) : undefined,
      readOnly: locked.has(f.key) || !!policy.locked?.[f.key],
      lockedChoices: lockedChoices?.length ? lockedChoices : undefined,
      note,
    };
  });
}

/** "Type the exact email or name of a user, or leave it empty." from the target's title and search fields. */
function typingHint({ t, noun, or }: Words, target: string, locale: Locale): string | undefined {
  const r = getLocalResource(target, locale);
  if (!r) return undefined;
  const labels = [...new Set([r.fields.find((f) => f.column === r.title)?.label, ...(r.search ?? []).map((k) => r.fieldMap.get(k)?.label)].filter(Boolean))] as string[];
  return t("form.typingHint", { fields: or(labels.map(noun)), singular: noun(r.singular) });
}

/** A new record's starting values: the columns' literal defaults (e.g. Active ticked). */
export function defaultValues(resource: Resource): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of resource.fields) {
    const d = f.column?.default;
    if (f.type === "boolean" && typeof d === "boolean") out[f.key] = d ? "on" : "";
    else if ((f.type === "text" || f.type === "enum") && typeof d === "string") out[f.key] = d;
  }
  return out;
}

/** A record's values as form text; amounts as `locale` writes them ("4,00" in German), which the form's parser reads back. */
export function formValues(resource: Resource, record: RecordDetails | null, locale = "en"): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (!record) return out;
  for (const f of resource.fields) {
    const v = record.values[f.key];
    if (f.type === "many") out[f.key] = (record.many[f.key] ?? []).map((r) => String(r.id));
    else if (f.type === "permissions") out[f.key] = Array.isArray(v) ? (v as string[]) : [];
    else if (v === null || v === undefined) out[f.key] = "";
    else if (f.type === "money") out[f.key] = centsToDecimal(Number(v), locale);
    else if (f.type === "boolean") out[f.key] = v ? "on" : "";
    else if (v instanceof Date) out[f.key] = v.toISOString().slice(0, 16);
    else out[f.key] = String(v);
  }
  return out;
}
