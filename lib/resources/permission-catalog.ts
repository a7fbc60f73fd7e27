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

export interface MatrixCell {
  action: Action;
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
      return { action, supported, all: permission(r.name, action), own: supported && r.owner ? ownPermission(r.name, action) : undefined };
    }),
    extras: (r.permissions ?? []).map((p) => ({ value: p.name, label: p.label })),
  }));
}

let known: Set<string> | undefined;

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
