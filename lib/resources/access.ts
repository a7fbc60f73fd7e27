import "server-only";
import { currentLocale } from "../i18n/server";
import { notFound } from "next/navigation";
import { forbidden } from "next/navigation";
import { getSession, requireUser } from "../auth/dal";
import { mustSetUpOwnTwoFactor } from "../auth/two-factor/queries";
import { mayAct, scopeOf, type Action, type RecordScope } from "../permissions";
import type { UserAccess } from "../users/queries";
import type { Locale } from "../i18n/locales";
import { translator } from "../i18n/translator";
import { localize } from "./localize";
import { getResource } from "./registry";
import { fixedFields, resourceFor, supports } from "./scope";
import type { EditPolicy, Resource } from "./types";
import { getDb } from "../db";

/**
 * Signs in, resolves the resource (404 when unknown) and checks
 * `<resource>:<action>` or its `:own` form (403). Every resource page, action
 * and route handler starts here; the resource name is untrusted input even
 * when it comes bound. The resource comes back as the user sees it: without
 * the fields they may not view (see scope.ts); `scope` says whether the action
 * covers all records or only the user's own, which the engine then applies.
 * Its words (labels, field labels, options…) are in the request's language.
 */
export async function requireResource(name: unknown, action: Action): Promise<{ user: UserAccess; resource: Resource; scope: Exclude<RecordScope, null> }> {
  return resourceOf(await requireUser(), name, action, await currentLocale());
}

/**
 * requireResource for a user already resolved (the action wrapper's session
 * layer), with its words in `locale` (without one, the definition's own).
 */
export function resourceOf(user: UserAccess, name: unknown, action: Action, locale?: Locale): { user: UserAccess; resource: Resource; scope: Exclude<RecordScope, null> } {
  const resource = typeof name === "string" ? getResource(name) : undefined;
  if (!resource || !supports(resource, action)) notFound();
  const scope = scopeOf(user.access, resource, action);
  if (!scope) forbidden();
  // Narrowed first, then localized: the localized copy keeps the narrowing.
  const visible = resourceFor(resource, user.access);
  return { user, resource: locale ? localize(visible, locale) : visible, scope };
}

/** What the user may do on a resource (on some records at least), to hide buttons they cannot use (the server re-checks). */
export function allowedActions(user: UserAccess, resource: Resource) {
  const may = (a: Action) => supports(resource, a) && mayAct(user.access, resource, a);
  return { view: may("view"), create: may("create"), update: may("update"), delete: may("delete"), export: may("export") };
}

/** Whether `user` may do `action` on this record (drawn from the record's owner), to hide buttons; the engine re-checks. */
export function allowedOn(user: UserAccess, resource: Resource, action: Action, record: { ownerId?: string | null }): boolean {
  if (!supports(resource, action)) return false;
  const scope = scopeOf(user.access, resource, action);
  return scope === "all" || (scope === "own" && record.ownerId === user.id);
}

/**
 * The same checks for route handlers, which answer with a status instead of a
 * page: 401 when signed out, 404 for an unknown resource, 403 without the permission
 * (or while REQUIRE_2FA_ROLES waits for the user to set up two-factor), in the
 * request's language.
 */
export async function resourceForRoute(name: string, action: Action): Promise<{ user: UserAccess; resource: Resource } | Response> {
  const [user, t] = await Promise.all([getSession(), translator("errors.route")]);
  const answer = (status: number, text: string) => new Response(text, { status });
  if (!user) return answer(401, t("signIn"));
  if (await mustSetUpOwnTwoFactor(user)) return answer(403, t("twoFactor"));
  const resource = getResource(name);
  if (!resource || !supports(resource, action)) return answer(404, t("notFound"));
  if (!mayAct(user.access, resource, action)) return answer(403, t("forbidden"));
  return { user, resource: localize(resourceFor(resource, user.access), await currentLocale()) };
}

/**
 * What `user` may not change on this record (or a new one, id null): the
 * resource's delegation rules, plus, on an existing record, the fields they
 * lack the permission to change (see scope.ts).
 */
export async function editPolicyFor(resource: Resource, user: UserAccess, id: string | number | null): Promise<EditPolicy> {
  const policy = (await resource.policy?.(getDb(), { id: user.id, access: user.access }, id, null)) ?? {};
  if (id === null) return policy;
  const fixed = await fixedFields(resource, user);
  return fixed.size ? { ...policy, locked: { ...Object.fromEntries(fixed), ...policy.locked } } : policy;
}
