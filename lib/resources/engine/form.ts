import { z } from "zod";
import { createInsertSchema } from "drizzle-zod";
import { columnKey } from "../define";
import { parseMoney } from "../money";
import type { FieldDef, Resource } from "../types";
import { engineWords, type Words } from "./words";

/**
 * Form handling for every resource. The schema of each column comes from the
 * table through drizzle-zod (types, enums, nullability) and is refined by the
 * definition (required, length, format); FormData text is converted per field
 * type before it is checked. One schema per resource, built once.
 */

export type FormMode = "create" | "update";
export type FieldErrors = Record<string, string>;
/** What the user typed, to put back into the form after an error. */
export type RawValues = Record<string, string | string[]>;

export function formFields(resource: Resource, mode: FormMode): FieldDef[] {
  return resource.fields.filter((f) => {
    if (f.form === false) return false;
    if (f.form === "create") return mode === "create";
    if (f.form === "edit") return mode === "update";
    return f.column !== undefined || f.type === "many" || f.type === "password";
  });
}

const schemaCache = new WeakMap<Resource, Record<string, z.ZodType>>();

function columnSchemas(resource: Resource): Record<string, z.ZodType> {
  let cached = schemaCache.get(resource);
  if (!cached) {
    const base = createInsertSchema(resource.table) as unknown as z.ZodObject<Record<string, z.ZodType>>;
    cached = {};
    for (const f of resource.fields) if (f.column) cached[f.key] = base.shape[columnKey(resource, f.column)]!;
    schemaCache.set(resource, cached);
  }
  return cached;
}

/** Converts one field's submitted text into a typed value, or returns an error message. */
function convert({ t, noun, locale }: Words, field: FieldDef, raw: string | string[], isKnown: (permission: string) => boolean): { value?: unknown; error?: string } {
  const text = Array.isArray(raw) ? (raw[0] ?? "") : raw;
  const trimmed = text.trim();
  const emptyValue = field.required ? undefined : null;
  switch (field.type) {
    case "boolean":
      return { value: text === "on" || text === "true" || text === "1" };
    case "many":
      return { value: [...new Set((Array.isArray(raw) ? raw : [raw]).filter(Boolean))] };
    case "permissions": {
      const values = (Array.isArray(raw) ? raw : [raw]).filter(Boolean);
      const bad = values.filter((p) => !isKnown(p));
      if (bad.length) return { error: t("field.unknownPermission", { names: bad.slice(0, 3).join(", ") }) };
      return { value: [...new Set(values)].sort() };
    }
    case "password":
      if (text.length > 1024) return { error: t("field.passwordTooLong") };
      return { value: text === "" ? undefined : text };
  }
  if (trimmed === "") {
    if (field.required) return { error: t("field.required", { field: field.label }) };
    return { value: emptyValue };
  }
  switch (field.type) {
    case "money": {
      // The one message for a negative amount, wherever the field is typed (form, list cell, bulk value).
      if (/^-\s*\$?\d/.test(trimmed)) return { error: t("field.negative", { field: field.label }) };
      const cents = parseMoney(trimmed, locale);
      return cents === null ? { error: t("field.amount") } : { value: cents };
    }
    case "number":
      return /^-?\d{1,15}$/.test(trimmed) ? { value: Number(trimmed) } : { error: t("field.wholeNumber") };
    case "datetime": {
      const d = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(trimmed) ? trimmed : `${trimmed}Z`);
      return Number.isNaN(d.getTime()) ? { error: t("field.dateTime") } : { value: d };
    }
    case "enum":
      return field.options?.includes(trimmed) ? { value: trimmed } : { error: t("field.choose", { field: noun(field.label) }) };
    case "reference":
      if (trimmed.length > 64) return { error: t("field.existingRecord") };
      return { value: /^\d{1,15}$/.test(trimmed) ? Number(trimmed) : trimmed };
    case "email": {
      const email = trimmed.toLowerCase();
      if (field.maxLength && [...email].length > field.maxLength) return { error: t("field.tooLong", { field: field.label, max: field.maxLength }) };
      return z.email().safeParse(email).success ? { value: email } : { error: t("field.email") };
    }
    default: {
      const value = field.type === "longtext" ? text.replace(/\r\n/g, "\n") : trimmed;
      if (field.maxLength && [...value].length > field.maxLength) return { error: t("field.tooLong", { field: field.label, max: field.maxLength }) };
      if (field.pattern && !field.pattern.regex.test(value)) return { error: field.pattern.message };
      return { value };
    }
  }
}

export type ParsedForm = { ok: true; values: Record<string, unknown>; raw: RawValues } | { ok: false; fieldErrors: FieldErrors; raw: RawValues };

/**
 * Reads the fields of `mode` from FormData; extra fields in the request are
 * ignored. `isKnown` says which permissions exist (permission-catalog.ts);
 * `only` restricts it to those field keys (a single value edited in a list).
 */
export async function parseForm(resource: Resource, mode: FormMode, form: FormData, isKnown: (permission: string) => boolean, only?: ReadonlySet<string>): Promise<ParsedForm> {
  const words = await engineWords();
  const schemas = columnSchemas(resource);
  const values: Record<string, unknown> = {};
  const fieldErrors: FieldErrors = {};
  const raw: RawValues = {};
  for (const field of formFields(resource, mode)) {
    if (only && !only.has(field.key)) continue;
    const multi = field.type === "many" || field.type === "permissions";
    const submitted = multi ? form.getAll(field.key).map(String) : String(form.get(field.key) ?? "");
    if (field.type !== "password") raw[field.key] = submitted;
    const { value, error } = convert(words, field, submitted, isKnown);
    if (error) {
      fieldErrors[field.key] = error;
      continue;
    }
    const schema = schemas[field.key];
    if (schema && value !== undefined) {
      const checked = schema.safeParse(value);
      if (!checked.success) {
        fieldErrors[field.key] = words.t("field.notValid", { field: field.label });
        continue;
      }
    }
    values[field.key] = value;
  }
  return Object.keys(fieldErrors).length ? { ok: false, fieldErrors, raw } : { ok: true, values, raw };
}

export type ParsedValue = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * One value of a field marked `inlineEdit`, as typed in a list's cell editor
 * or the bulk "Set field…" action: converted and checked exactly as the edit
 * form checks that field. Any other field is refused.
 */
export async function parseInlineValue(resource: Resource, key: string, text: string): Promise<ParsedValue> {
  const field = resource.fieldMap.get(key);
  if (!field?.inlineEdit || !formFields(resource, "update").includes(field)) return { ok: false, error: (await engineWords()).t("field.notHere") };
  const form = new FormData();
  form.set(key, text);
  const parsed = await parseForm(resource, "update", form, () => false, new Set([key]));
  if (!parsed.ok) return { ok: false, error: parsed.fieldErrors[key] ?? (await engineWords()).t("field.notValid", { field: field.label }) };
  return { ok: true, value: parsed.values[key] };
}
