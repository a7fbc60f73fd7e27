import { mayOpenAdminIndex, scopeOf, type Action, type AdminIndexAccess } from "../permissions";
import { parseRouteId } from "../resources/engine/ids";
import { getRecord } from "../resources/panel";
import { getResource } from "../resources/registry";
import { resourceFor } from "../resources/scope";
import type { UserAccess } from "../users/queries";

/**
 * The status an admin page would answer `user` with, decided without rendering
 * it, by the same reads the page makes (requireResource, then getRecord). A
 * request for the page's RSC payload (a router fetch, or a crafted one) gets
 * its status from here: Next renders a payload that calls forbidden() or
 * notFound() with 200, so only an answer given before the page runs can carry
 * the page's 403 or 404. Other pages, and route handlers once the resource
 * may be viewed, answer for themselves ("ok"). It reads the registry's
 * resources as defined, not localized: a status needs no words.
 */
export type PageStatus = "ok" | 403 | 404;

export async function adminPageStatus(pathname: string, user: UserAccess, indexAccess: AdminIndexAccess): Promise<PageStatus> {
  // Decoded once, as Next decodes a page's params (malformed escapes were refused before).
  const [top, name, third, fourth, ...rest] = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  if (top !== "admin") return "ok";
  if (!name) return mayOpenAdminIndex(user.access, indexAccess) ? "ok" : 403;
  const found = getResource(name);
  if (!found) return 404;
  // Route handlers answer for themselves; here, as for every page below, the resource's view permission.
  if (third === "export" || third === "lookup") return scopeOf(user.access, found, "view") ? "ok" : 403;
  if (rest.length || (fourth !== undefined && fourth !== "edit" && fourth !== "delete") || (third === "new" && fourth)) return 404;
  const action: Action = fourth === "edit" ? "update" : fourth === "delete" ? "delete" : third === "new" ? "create" : "view";
  // An action the resource does not declare is a 404, as in requireResource.
  if (found.actions && !found.actions.includes(action)) return 404;
  if (!scopeOf(user.access, found, action)) return 403;
  if (!third || third === "new") return "ok";
  const resource = resourceFor(found, user.access);
  const id = parseRouteId(resource, third);
  return id !== null && (await getRecord(resource, id, user, action)) ? "ok" : 404;
}
