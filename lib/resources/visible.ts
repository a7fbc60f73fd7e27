import { mayAct } from "../permissions";
import type { UserAccess } from "../users/queries";
import { RESOURCES } from "./registry";

/** The resources a user may view, in registry order: what navigation lists. */
export function visibleResources(user: UserAccess) {
  return RESOURCES.filter((r) => mayAct(user.access, r, "view")).map((r) => ({ name: r.name, label: r.label }));
}
