import type { ColumnMeta } from "./table-meta";
import type { FieldDef, FieldType, FilterDef, FilterType } from "./types";
import { kebabCase, labelFromKey, snakeCase, withoutSuffix } from "./words";

/** What a definition states about one field; everything else is derived from its column. */
export interface FieldOverride extends Partial<Omit<FieldDef, "column">> {
  /**
   * The list filter on this field: its type (the URL parameter is the key in
   * snake_case), the parts that differ, or false for none. Enum, boolean and
   * reference fields get one without asking.
   */
  filter?: false | FilterType | { type?: FilterType; param?: string; label?: string };
}

export interface DerivedField {
  field: FieldDef;
  filter?: FilterDef;
}

/** Longer than this, a text column is edited in a text area and left out of the list. */
const LONG_TEXT = 255;
const UNLISTED: readonly FieldType[] = ["longtext", "json", "password", "many", "permissions"];
/** Sorting these would order by an id or a document, which tells a reader nothing. */
const UNSORTED: readonly FieldType[] = ["reference", "json", "longtext"];
const FILTERS: Partial<Record<FieldType, FilterType>> = { enum: "enum", boolean: "boolean", reference: "reference", many: "reference" };

/** The field key of a column: its property, less `Id` on a foreign key and `Cents` on money. */
export function baseKey(meta: ColumnMeta): string {
  const { property, column } = meta;
  if (meta.references) return withoutSuffix(property, "Id") ?? property;
  if (column.dataType === "number") return withoutSuffix(property, "Cents") ?? property;
  return property;
}

/** The field type a column's JavaScript type implies, or null for one the panel cannot show (binary, arrays). */
function baseType(meta: ColumnMeta): FieldType | null {
  const { column } = meta;
  if (meta.references) return "reference";
  if (column.enumValues?.length) return "enum";
  if (column.dataType === "date" || /Timestamp|Date/.test(column.columnType)) return "datetime";
  switch (column.dataType) {
    case "boolean":
      return "boolean";
    case "json":
      return "json";
    case "number":
      return withoutSuffix(meta.property, "Cents") ? "money" : "number";
    case "string":
      return "text";
    default:
      return null;
  }
}

/** "Created" for `createdAt`: a timestamp's label drops the "at". */
function labelFor(key: string, type: FieldType): string {
  return labelFromKey((type === "datetime" && withoutSuffix(key, "At")) || key);
}

function filterFor(field: FieldDef, stated: FieldOverride["filter"]): FilterDef | undefined {
  if (stated === false) return undefined;
  const spec = typeof stated === "string" ? { type: stated } : (stated ?? {});
  const type = spec.type ?? FILTERS[field.type];
  if (!type) return undefined;
  return dropUndefined({ field: field.key, param: spec.param ?? snakeCase(field.key), type, label: spec.label });
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * One column's field: key and label from the property, type from the
 * column's type, options from its enum values, a picker and a related-records
 * section from its foreign key, sortable when an index leads with it,
 * required when it is NOT NULL without a default, read-only when it is a
 * timestamp the database sets. `stated` overrides any of it. Null for a
 * column type the panel cannot show.
 */
export function deriveField(meta: ColumnMeta, stated: FieldOverride = {}): DerivedField | null {
  const { filter, ...own } = stated;
  const { column } = meta;
  const base = baseType(meta);
  const maxLength = own.maxLength ?? meta.maxLength;
  const type = own.type ?? (base === "text" && maxLength !== undefined && maxLength > LONG_TEXT ? "longtext" : base);
  if (!type) return null;
  const key = own.key ?? baseKey(meta);
  const field = dropUndefined<FieldDef>({
    key,
    label: labelFor(key, type),
    type,
    column: column as FieldDef["column"],
    list: !UNLISTED.includes(type),
    sortable: meta.indexed && !UNSORTED.includes(type),
    form: type === "datetime" && (column.hasDefault || column.onUpdateFn) ? false : undefined,
    required: (column.notNull && !column.hasDefault && type !== "boolean") || undefined,
    maxLength,
    options: column.enumValues?.length ? column.enumValues : undefined,
    reference: meta.references ? { resource: kebabCase(meta.references) } : undefined,
    related: meta.references ? true : undefined,
    ...own,
  });
  return { field, filter: filterFor(field, filter) };
}

/** A field with no column of its own (a many-to-many, a password): stated whole, with a derived label and filter. */
export function virtualField(key: string, stated: FieldOverride & Pick<FieldDef, "type">): DerivedField {
  const { filter, ...own } = stated;
  const field = dropUndefined<FieldDef>({ key, label: labelFromKey(key), list: false, ...own });
  return { field, filter: filterFor(field, filter) };
}
