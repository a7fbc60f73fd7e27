import type { Action } from "../permissions";
import { supports } from "./scope";
import type { Resource } from "./types";

const WRITES: readonly Action[] = ["create", "update", "delete"];

/**
 * Whether the panel writes this resource at all, by its `actions`. One that
 * it never writes (the audit log) has no history of its own and never appears
 * as the subject of an audit entry.
 */
export function isWritable(resource: Pick<Resource, "actions">): boolean {
  return WRITES.some((action) => supports(resource, action));
}
