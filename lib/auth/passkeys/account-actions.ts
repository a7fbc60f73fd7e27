"use server";

import { generateRegistrationOptions, type PublicKeyCredentialCreationOptionsJSON, type RegistrationResponseJSON } from "@simplewebauthn/server";
import { cookies } from "next/headers";
import { z } from "zod";
import { refuse } from "../../actions/client";
import { twoFactorSetupAction, userAction, type UserContext } from "../../actions/clients";
import { text } from "../../actions/form-input";
import { getDb } from "../../db";
import { UserFacingError } from "../../errors";
import { translator } from "../../i18n/translator";
import { checkCurrentPassword } from "../current-password";
import { readSessionToken } from "../session";
import { auditOwn } from "../sign-in-record";
import { CEREMONY_TTL_MS, openCeremony, takeCeremony } from "./ceremony";
import { relyingParty } from "./relying-party";
import { addPasskey, credentialsOf, findPasskey, PASSKEY_NAME_MAX, removePasskey, renamePasskey } from "./store";
import { checkRegistration, parseAnswer } from "./verify";

/**
 * The owner's passkeys on /account. Adding one asks for the current password
 * unless the session began in the last few minutes, so that a session left
 * open cannot plant a passkey for later. Adding, renaming and removing are
 * audited; none ends a session. Adding is open on the two-factor set-up page
 * too: a passkey satisfies REQUIRE_2FA_ROLES.
 */

/** A session this young counts as a recent sign-in: no password asked. */
const RECENT_SIGN_IN_MS = 5 * 60_000;

async function words() {
  const [t, auth] = await Promise.all([translator("passkeys.errors"), translator("auth")]);
  return { t, fixFields: auth("fixFields"), password: { wrong: t("wrongPassword"), throttled: auth("throttled"), busy: auth("busy") } };
}

/** A name, trimmed; the field's error when empty. */
const nameOf = (raw: string) => raw.trim().slice(0, PASSKEY_NAME_MAX);

async function signedInRecently(): Promise<boolean> {
  const authTime = (await readSessionToken(await cookies()))?.token?.authTime;
  return typeof authTime === "number" && Date.now() - authTime < RECENT_SIGN_IN_MS;
}

/** Checks the proof for adding a passkey; the refusal with the field's error, or null. */
async function proofProblem({ user, actor }: UserContext, password: string) {
  const w = await words();
  if (await signedInRecently()) return null;
  if (!password) return refuse(w.fixFields, { fieldErrors: { password: w.t("passwordNeeded") } });
  const wrong = await checkCurrentPassword(user, password, actor.address ?? "", "Add a passkey");
  return wrong ? refuse(w.fixFields, { fieldErrors: { password: w.password[wrong] } }) : null;
}

/** Step one of adding a passkey: the name and proof checked, a registration challenge for this browser. */
export const passkeyRegistrationOptionsAction = twoFactorSetupAction.stateAction<z.ZodType<{ name: string; password: string }>, { options: PublicKeyCredentialCreationOptionsJSON }>({
  input: z.object({ name: text(200), password: text(1024) }),
  run: async ({ ctx, input }) => {
    const w = await words();
    if (!nameOf(input.name)) return refuse(w.fixFields, { fieldErrors: { name: w.t("nameNeeded") } });
    const problem = await proofProblem(ctx, input.password);
    if (problem) return problem;
    const rp = await relyingParty();
    if (!rp) return refuse(w.t("notAdded"));
    const db = getDb();
    const options = await generateRegistrationOptions({
      rpName: rp.name,
      rpID: rp.id,
      userName: ctx.user.email,
      userDisplayName: ctx.user.name ?? ctx.user.email,
      userID: new TextEncoder().encode(ctx.user.id),
      attestationType: "none",
      timeout: CEREMONY_TTL_MS,
      excludeCredentials: (await credentialsOf(db, ctx.user.id)).map((c) => ({ id: c.credentialId, transports: c.transports as never })),
      authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
    });
    await openCeremony(db, "register", options.challenge, ctx.user.id);
    return { ok: true, data: { options } };
  },
});

/** Step two: the authenticator's answer to this browser's challenge, stored under the name. */
export const addPasskeyAction = twoFactorSetupAction.stateAction({
  input: z.object({ name: text(200), response: text(32_000) }),
  run: async ({ ctx: { user, actor }, input }) => {
    const w = await words();
    const db = getDb();
    const [rp, ceremony] = await Promise.all([relyingParty(), takeCeremony(db, "register")]);
    const response = parseAnswer<RegistrationResponseJSON>(input.response);
    if (!ceremony || ceremony.userId !== user.id || !rp) return refuse(w.t("expired"));
    const found = response ? await checkRegistration(response, ceremony.challenge, rp) : null;
    if (!found) {
      await auditOwn(db, actor, "passkey-failed", user.id, "registration not valid for this site and challenge");
      return refuse(w.t("notAdded"));
    }
    const name = nameOf(input.name) || w.t("defaultName");
    try {
      await addPasskey(db, user.id, { ...found, name }, actor);
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error;
      await auditOwn(db, actor, "passkey-failed", user.id, (await findPasskey(db, found.credentialId)) ? "passkey already added" : "too many passkeys");
      return refuse(error.message);
    }
    return { redirect: "/account?notice=passkey-added#passkeys-heading" };
  },
});

const passkeyId = z.tuple([z.coerce.number().int().positive()]);

export const renamePasskeyAction = userAction.stateAction({
  bound: passkeyId,
  input: z.object({ name: text(200) }),
  run: async ({ ctx: { user, actor }, bound: [id], input }) => {
    const w = await words();
    const name = nameOf(input.name);
    if (!name) return refuse(w.fixFields, { fieldErrors: { name: w.t("nameNeeded") } });
    try {
      await renamePasskey(getDb(), user.id, id, name, actor);
    } catch (error) {
      if (error instanceof UserFacingError) return refuse(error.message);
      throw error;
    }
    return { redirect: "/account?notice=passkey-renamed#passkeys-heading" };
  },
});

/**
 * Removes one of the owner's passkeys. The current password, when given, is
 * checked first (audited when wrong); without it the removal may not leave
 * the account without a second factor (see removePasskey).
 */
export const removePasskeyAction = userAction.stateAction({
  bound: passkeyId,
  input: z.object({ password: text(1024) }),
  run: async ({ ctx: { user, actor }, bound: [id], input }) => {
    const w = await words();
    if (input.password) {
      const wrong = await checkCurrentPassword(user, input.password, actor.address ?? "", "Remove a passkey");
      if (wrong) return refuse(w.fixFields, { fieldErrors: { password: w.password[wrong] } });
    }
    try {
      await removePasskey(getDb(), user.id, id, actor, !!input.password);
    } catch (error) {
      if (error instanceof UserFacingError) return error.field ? refuse(w.fixFields, { fieldErrors: { [error.field]: error.message } }) : refuse(error.message);
      throw error;
    }
    return { redirect: "/account?notice=passkey-removed#passkeys-heading" };
  },
});
