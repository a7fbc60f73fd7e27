import { centsToDecimal } from "./money";
import type { FieldDef, FieldType } from "./types";

/**
 * Inline editing in lists, the parts both the server and the list's one
 * client component need. Kept free of server imports.
 */

/** The bulk action that sets one inline-editable field on the selected rows. */
export const BULK_SET = "set";

/** The field types a list can edit in place (and set in bulk). */
export const INLINE_EDIT_TYPES: readonly FieldType[] = ["boolean", "enum", "number", "money", "text"];

/** What the client components know of an editable field: no rows, no specs. */
export interface InlineField {
  key: string;
  label: string;
  type: FieldType;
  options?: readonly string[];
  /** enum: each option's words in the reader's language (the localized field's). */
  optionLabels?: Readonly<Record<string, string>>;
  required?: boolean;
}

/** An editable list column: the field and its cells' `cellIndex`. */
export interface InlineColumn extends InlineField {
  col: number;
}

export function inlineField(field: FieldDef): InlineField {
  return { key: field.key, label: field.label, type: field.type, ...(field.options ? { options: field.options, optionLabels: field.optionLabels } : {}), ...(field.required ? { required: true } : {}) };
}

/** The text an editor starts with for a stored value ("12.50" for 1250 cents, "12,50" in German; "true" for a boolean). */
export function editText(type: FieldType, value: unknown, locale = "en"): string {
  if (value === null || value === undefined) return type === "boolean" ? "false" : "";
  if (type === "boolean") return value ? "true" : "false";
  if (type === "money") return centsToDecimal(Number(value), locale);
  return String(value);
}

/**
 * The editor's starting text read back from a cell's formatted text ("$1,234.50",
 * "Yes", "—"), so that a cell needs no extra attribute in the common case; the
 * list adds `data-raw` only where this would be wrong.
 */
export function textFromDisplay(type: FieldType, display: string): string {
  const text = display.trim();
  if (type === "boolean") return text === "Yes" ? "true" : "false";
  if (text === "—") return "";
  if (type === "money") return text.replace(/[$,]/g, "");
  if (type === "number") return text.replace(/,/g, "");
  return display;
}
