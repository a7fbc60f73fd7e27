import { ACTIONS, ownPermission, permission, type Action } from "../permissions";
import { RESOURCES } from "./registry";
import type { Resource } from "./types";

/**
 * Every permission a role can hold, derived from the registered resources:
 * `<resource>:<action>` for each action a resource supports, its `:own` form
 * where the resource has an owner column, and the extra permissions a
 * resource declares for its fields. The role form, the CLI and the role
 * service accept these and nothing else.
 */

/** What each action is called where people read it (matrix headers, role details). */
export const ACTION_LABELS: Record<Action, string> = { view: "View", create: "Create", update: "Update", delete: "Delete", export: "Export" };

/** "View items" (the matrix's cell names and the role details use these). */
export function actionOn(action: Action, resourceLabel: string): string {
  return `${ACTION_LABELS[action]} ${resourceLabel.toLowerCase()}`;
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

export function permissionMatrix(resources: readonly Resource[] = RESOURCES): MatrixRow[] {
  return resources.map((r) => ({
    resource: r.name,
    label: r.label,
    cells: ACTIONS.map((action) => {
      const supported = !r.actions || r.actions.includes(action);
      return { action, label: ACTION_LABELS[action], supported, all: permission(r.name, action), own: supported && r.owner ? ownPermission(r.name, action) : undefined };
    }),
    extras: (r.permissions ?? []).map((p) => ({ value: p.name, label: p.label })),
  }));
}

let known: Set<string> | undefined;
let labels: Map<string, string> | undefined;

/**
 * A permission as people read it: `items:view` → "View items",
 * `items:update:own` → "Update own items", `items:price` → "Items: Change
 * prices"; one no resource defines stays as it is.
 */
export function permissionLabel(value: string): string {
  labels ??= new Map(
    permissionMatrix().flatMap((row) => [
      ...row.cells.filter((c) => c.supported).flatMap((c) => [[c.all, actionOn(c.action, row.label)] as const, ...(c.own ? [[c.own, actionOn(c.action, `own ${row.label}`)] as const] : [])]),
      ...row.extras.map((e) => [e.value, `${row.label}: ${e.label}`] as const),
    ]),
  );
  return labels.get(value) ?? value;
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
