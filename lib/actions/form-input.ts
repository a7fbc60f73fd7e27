import { z } from "zod";

/**
 * A form's fields as a plain object for a zod schema: a field sent once is a
 * string, one sent several times (checkboxes) a list; files are dropped.
 */
export function fromForm(form: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    if (all.length) out[key] = all.length === 1 ? all[0]! : all;
  }
  return out;
}

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v) ?? "";

/** A text field, cut to `max` characters: longer input is not an error the user can act on, and must not cost work. */
export const text = (max: number) => z.preprocess(first, z.string()).transform((s) => s.slice(0, max));

/** A field that may be sent several times (selected rows), at most `max` distinct values. */
export const list = (max: number) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string())).transform((all) => [...new Set(all)].slice(0, max));

/** A field the action reads as "absent" when missing or malformed, as a bound version. */
export const optionalText = (max: number) => z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().max(max).optional()).catch(undefined);

/** A value to be checked by the field's own rules, which say what is too long: never cut. */
export const whole = z.preprocess(first, z.string());
