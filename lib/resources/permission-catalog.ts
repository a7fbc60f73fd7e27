import { ACTIONS, ownPermission, permission, type Action } from "../permissions";
import type { Locale } from "../i18n/locales";
import { wordOf } from "./catalogue";
import { labelInSentence, localize } from "./localize";
import { RESOURCES } from "./registry";
import type { Resource } from "./types";

/**
 * Every permission a role can hold, derived from the registered resources:
 * `<resource>:<action>` for each action a resource supports, its `:own` form
 * where the resource has an owner column, and the extra permissions a
 * resource declares for its fields. The role form, the CLI and the role
 * service accept these and nothing else.
 */

/** What each action is called where people read it (matrix headers, role details), in `locale`. */
export function actionLabel(action: Action, locale: Locale = "en"): string {
  return wordOf(locale, ["permissions", "actions", action]);
}

/** In English, for code that has no request (the CLI). */
export const ACTION_LABELS = Object.fromEntries(ACTIONS.map((a) => [a, actionLabel(a)])) as Record<Action, string>;

/** "View items", "Update own items" ("Artikel anzeigen", "Eigene Artikel ändern"): the matrix's cell names and the role details. */
export function actionOn(action: Action, resource: Pick<Resource, "name" | "label">, locale: Locale = "en", own = false): string {
  return wordOf(locale, ["permissions", own ? "own" : "all"], { action, resources: labelInSentence(resource, locale) });
}

export interface MatrixCell {
  action: Action;
  /** "View" */
  label: string;
  supported: boolean;
  /** `<resource>:<action>`: every record. */
  all: string;
  /** `<resource>:<action>:own`, where the resource has an owner. */
  own?: string;
}

export interface MatrixRow {
  resource: string;
  label: string;
  cells: MatrixCell[];
  /** Extra permissions the resource declares, e.g. items:price "Change prices". */
  extras: { value: string; label: string }[];
}

/** The role form's matrix, its words in `locale`. */
export function permissionMatrix(resources: readonly Resource[] = RESOURCES, locale: Locale = "en"): MatrixRow[] {
  return resources.map((r) => localize(r, locale)).map((r) => ({
    resource: r.name,
    label: r.label,
    cells: ACTIONS.map((action) => {
      const supported = !r.actions || r.actions.includes(action);
      return { action, label: actionLabel(action, locale), supported, all: permission(r.name, action), own: supported && r.owner ? ownPermission(r.name, action) : undefined };
    }),
    extras: (r.permissions ?? []).map((p) => ({ value: p.name, label: p.label })),
  }));
}

let known: Set<string> | undefined;
const labels = new Map<Locale, Map<string, string>>();

/**
 * A permission as people read it: `items:view` → "View items",
 * `items:update:own` → "Update own items", `items:price` → "Items: Change
 * prices"; one no resource defines stays as it is.
 */
export function permissionLabel(value: string): string {
  return permissionLabelIn("en")(value);
}

/** permissionLabel in `locale` ("Artikel anzeigen"), as a function for `list.map(permissionLabelIn(locale))`. */
export function permissionLabelIn(locale: Locale): (value: string) => string {
  let known = labels.get(locale);
  if (!known) labels.set(locale, (known = permissionLabels(locale)));
  const found = known;
  return (value) => found.get(value) ?? value;
}

function permissionLabels(locale: Locale): Map<string, string> {
  return new Map(
    permissionMatrix(RESOURCES, locale).flatMap((row) => {
      const resource = { name: row.resource, label: row.label };
      return [
        ...row.cells.filter((c) => c.supported).flatMap((c) => [[c.all, actionOn(c.action, resource, locale)] as const, ...(c.own ? [[c.own, actionOn(c.action, resource, locale, true)] as const] : [])]),
        ...row.extras.map((e) => [e.value, wordOf(locale, ["permissions", "extra"], { resource: row.label, label: e.label })] as const),
      ];
    }),
  );
}

/** Every permission the registered resources define. */
export function knownPermissions(): ReadonlySet<string> {
  known ??= new Set(
    permissionMatrix().flatMap((row) => [...row.cells.filter((c) => c.supported).flatMap((c) => (c.own ? [c.all, c.own] : [c.all])), ...row.extras.map((e) => e.value)]),
  );
  return known;
}

export function isKnownPermission(value: string): boolean {
  return knownPermissions().has(value);
}

/** What the accepted forms look like, for error messages. */
export const PERMISSION_FORMS = "<resource>:<view|create|update|delete|export>, <resource>:<action>:own where the resource has an owner, or a permission the resource declares (e.g. items:price)";
