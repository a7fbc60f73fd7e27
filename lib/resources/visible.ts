import { can, permission } from "../permissions";
import type { UserAccess } from "../users/queries";
import { RESOURCE_CATALOG } from "./catalog";

/** The resources a user may view, in registry order: what navigation lists. */
export function visibleResources(user: UserAccess) {
  return RESOURCE_CATALOG.filter((r) => can(user.access, permission(r.name, "view"))).map((r) => ({ name: r.name, label: r.label }));
}
