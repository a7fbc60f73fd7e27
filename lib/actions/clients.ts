import "server-only";
import { headers } from "next/headers";
import type { Actor } from "../audit";
import { requireUser, requireUserForTwoFactorSetup } from "../auth/dal";
import { translator } from "../i18n/translator";
import { clientAddress } from "../net/client-address";
import { mayAct, type Action } from "../permissions";
import { resourceOf } from "../resources/access";
import { currentLocale } from "../i18n/server";
import { supports, type Viewer } from "../resources/scope";
import type { Resource } from "../resources/types";
import type { UserAccess } from "../users/queries";
import { ActionClient, refuse, type Call } from "./client";

/**
 * The action clients, one layer on another. Every server action starts from
 * one of them: `publicAction` only where no one is signed in yet (sign-in and
 * its code step), deliberately; otherwise a signed-in user, and for the panel
 * a resource and an action it declares and the user holds.
 */

export interface UserContext {
  user: UserAccess;
  /** Whom the engine's row scope and field rules are checked for. */
  editor: Viewer;
  /** Who the audit log records. */
  actor: Actor;
}

export interface ResourceContext extends UserContext {
  resource: Resource;
}

/** No session: anyone may post these, so they only ever act on what the request itself proves. */
export const publicAction = new ActionClient<{ address: string }>(async () => ({ address: clientAddress(await headers()) }));

const signedIn = (user: UserAccess, address: string): UserContext => ({
  user,
  editor: { id: user.id, access: user.access },
  actor: { id: user.id, email: user.email, address },
});

/** A signed-in user (anonymous: redirected to sign in; REQUIRE_2FA_ROLES members without two-factor: to set it up). */
export const userAction = publicAction.use(async ({ address }) => signedIn(await requireUser(), address));

/** A signed-in user who may still be setting up the two-factor REQUIRE_2FA_ROLES asks of them. */
export const twoFactorSetupAction = publicAction.use(async ({ address }) => signedIn(await requireUserForTwoFactorSetup(), address));

/**
 * The resource named by the first bound argument, with `action` (fixed, or
 * read from the call, as create or update from the bound id): unknown or not
 * declared by the resource is 404, not held by the user 403, as on its pages.
 */
export function resourceAction(action: Action | ((call: Call) => Action)) {
  return userAction.use(async (ctx, call): Promise<ResourceContext> => {
    const { resource } = resourceOf(ctx.user, call.bound[0], typeof action === "function" ? action(call) : action, await currentLocale());
    return { ...ctx, resource };
  });
}

/**
 * On top of `resourceAction("view")`: the action named in the form (a bulk
 * action), which must be one the resource declares and supports, and which
 * the user holds. A forged name writes nothing.
 */
export function declaredAction(pick: (resource: Resource, form: FormData) => Action | undefined) {
  return async <C extends ResourceContext>(ctx: C, call: Call) => {
    const needed = pick(ctx.resource, call.form);
    if (!needed || !supports(ctx.resource, needed)) return refuse((await translator("actions"))("chooseAction"));
    if (!mayAct(ctx.user.access, ctx.resource, needed)) return refuse((await translator("actions"))("noPermission"));
    return { ...ctx, action: needed };
  };
}
