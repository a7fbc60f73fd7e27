import { auditResource } from "./defs/audit";
import { itemsResource } from "./defs/items";
import { outboxResource } from "./defs/outbox";
import { rolesResource } from "./defs/roles";
import { suppliersResource } from "./defs/suppliers";
import { usersResource } from "./defs/users";
import type { Resource } from "./types";

/**
 * Every resource the panel serves, in navigation order, as defined (English).
 * Add yours here, and its words to messages/<locale>/resources.json. Pages
 * show them through localize.ts (getLocalResource, localResources).
 */
export const RESOURCES: readonly Resource[] = [usersResource, rolesResource, itemsResource, auditResource, outboxResource, suppliersResource];

for (const resource of RESOURCES) resource.registered?.(RESOURCES);

const byName = new Map(RESOURCES.map((r) => [r.name, r]));

export function getResource(name: string): Resource | undefined {
  return byName.get(name);
}
