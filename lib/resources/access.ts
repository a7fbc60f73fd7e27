import "server-only";
import { notFound } from "next/navigation";
import { getSession, requirePermission, requireUser } from "../auth/dal";
import { mustSetUpOwnTwoFactor } from "../auth/two-factor/queries";
import { can, permission, type Action } from "../permissions";
import type { UserAccess } from "../users/queries";
import { getResource } from "./registry";
import type { EditPolicy, Resource } from "./types";
import { getDb } from "../db";

export function supports(resource: Resource, action: Action): boolean {
  return !resource.actions || resource.actions.includes(action);
}

/**
 * Signs in, resolves the resource (404 when unknown) and checks
 * `<resource>:<action>` (403). Every resource page, action and route handler
 * starts here; the resource name is untrusted input even when it comes bound.
 */
export async function requireResource(name: unknown, action: Action): Promise<{ user: UserAccess; resource: Resource }> {
  await requireUser();
  const resource = typeof name === "string" ? getResource(name) : undefined;
  if (!resource || !supports(resource, action)) notFound();
  const user = await requirePermission(permission(resource.name, action));
  return { user, resource };
}

/** What the user may do on a resource, to hide buttons they cannot use (the server re-checks). */
export function allowedActions(user: UserAccess, resource: Resource) {
  const may = (a: Action) => supports(resource, a) && can(user.access, permission(resource.name, a));
  return { view: may("view"), create: may("create"), update: may("update"), delete: may("delete"), export: may("export") };
}

/**
 * The same checks for route handlers, which answer with a status instead of a
 * page: 401 when signed out, 404 for an unknown resource, 403 without the permission
 * (or while REQUIRE_2FA_ROLES waits for the user to set up two-factor).
 */
export async function resourceForRoute(name: string, action: Action): Promise<{ user: UserAccess; resource: Resource } | Response> {
  const user = await getSession();
  if (!user) return new Response("Sign in first.", { status: 401 });
  if (await mustSetUpOwnTwoFactor(user)) return new Response("Set up two-factor authentication first.", { status: 403 });
  const resource = getResource(name);
  if (!resource || !supports(resource, action)) return new Response("Not found.", { status: 404 });
  if (!can(user.access, permission(resource.name, action))) return new Response("Forbidden.", { status: 403 });
  return { user, resource };
}

/** What `user` may not change on this record (or a new one, id null): the resource's delegation rules. */
export async function editPolicyFor(resource: Resource, user: UserAccess, id: string | number | null): Promise<EditPolicy> {
  return resource.policy?.(getDb(), { id: user.id, access: user.access }, id, null) ?? {};
}
