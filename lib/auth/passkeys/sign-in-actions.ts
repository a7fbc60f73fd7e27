"use server";

import { eq } from "drizzle-orm";
import { generateAuthenticationOptions, type AuthenticationResponseJSON, type PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { cookies } from "next/headers";
import { z } from "zod";
import { refuse, type Done, type Refused } from "../../actions/client";
import { publicAction } from "../../actions/clients";
import { text, whole } from "../../actions/form-input";
import type { ActionState } from "../../actions/state";
import { getDb, type Db } from "../../db";
import { users } from "../../db/schema";
import { isDatabaseOutage } from "../../db/unavailable";
import { translator } from "../../i18n/translator";
import { logFailure } from "../../log";
import { completeSignIn } from "../complete-sign-in";
import { auditOwn } from "../sign-in-record";
import { SignInBusy, SignInThrottled, startAttempt } from "../throttle";
import { CHALLENGE_COOKIE, createChallenge, findChallenge, markChallengeVerified } from "../two-factor/challenge";
import { throttledCodeCheck } from "../two-factor/throttle";
import { CEREMONY_TTL_MS, openCeremony, takeCeremony } from "./ceremony";
import { relyingParty } from "./relying-party";
import { credentialsOf } from "./store";
import { checkAssertion, parseAnswer, REFUSAL_SUMMARY, type AssertionCheck } from "./verify";

/**
 * Signing in with a passkey, public by necessity like the password and code
 * steps. "sign-in": a discoverable passkey and no e-mail; the authenticator
 * must verify the user (PIN, fingerprint), so it counts as both factors.
 * "second-factor": the code step answered with one of the account's passkeys
 * instead of a code, behind the code step's throttle. Either way the session
 * comes from the one door (completeSignIn), as the password's does.
 */

const step = z.enum(["sign-in", "second-factor"]);
type Step = z.output<typeof step>;

/** The answers, in the request's language. */
async function answers() {
  const [t, login] = await Promise.all([translator("passkeys.signIn"), translator("login")]);
  return { failed: t("failed"), expired: t("expired"), throttled: login("codeStep.throttled"), busy: login("errors.busy"), unavailable: login("errors.unavailable") };
}
type Words = Awaited<ReturnType<typeof answers>>;

/** The code step's challenge is gone: the page gives way to "Sign in again". */
const expired = (words: Words): ActionState<{ expired: true }> => ({ ok: false, message: words.expired, data: { expired: true } });

async function outage<T>(words: Words, what: string, run: () => Promise<T>): Promise<T | Refused> {
  try {
    return await run();
  } catch (error) {
    if (!isDatabaseOutage(error)) throw error;
    logFailure(what, error);
    return refuse(words.unavailable);
  }
}

/** A challenge for this browser: any of the site's passkeys, or (second factor) the pending sign-in's account's. */
export const passkeyOptionsAction = publicAction.stateAction<z.ZodType<{ step: Step }>, { options: PublicKeyCredentialRequestOptionsJSON } | { expired: true }>({
  input: z.object({ step }),
  run: async ({ input }) => {
    const words = await answers();
    return outage(words, "passkey options failed", async () => {
      const db = getDb();
      const rp = await relyingParty();
      if (!rp) return refuse(words.failed);
      let userId: string | null = null;
      if (input.step === "second-factor") {
        const challenge = await findChallenge(db, (await cookies()).get(CHALLENGE_COOKIE)?.value);
        if (!challenge || challenge.verified) return expired(words);
        userId = challenge.userId;
      }
      const allow = userId ? await credentialsOf(db, userId) : [];
      const options = await generateAuthenticationOptions({
        rpID: rp.id,
        timeout: CEREMONY_TTL_MS,
        userVerification: input.step === "sign-in" ? "required" : "preferred",
        allowCredentials: allow.map((c) => ({ id: c.credentialId, transports: c.transports as never })),
      });
      await openCeremony(db, input.step, options.challenge, userId);
      return { ok: true, data: { options } };
    });
  },
});

const answerInput = z.object({ step, response: text(32_000), callbackUrl: whole });

export const passkeySignInAction = publicAction.stateAction<typeof answerInput, { expired: true }>({
  input: answerInput,
  run: async ({ ctx: { address }, input }) => {
    const words = await answers();
    return outage(words, "passkey sign-in failed", async () => {
      const db = getDb();
      const [rp, ceremony] = await Promise.all([relyingParty(), takeCeremony(db, input.step)]);
      const response = parseAnswer<AuthenticationResponseJSON>(input.response);
      if (!ceremony || !rp) return input.step === "second-factor" ? expired(words) : refuse(words.expired);
      if (!response) {
        const pending = input.step === "second-factor" && ceremony.userId ? await pendingOwner(db, ceremony.userId) : null;
        await auditRefusal(db, address, UNREADABLE, pending);
        return refuse(words.failed);
      }
      const expected = { challenge: ceremony.challenge, userId: ceremony.userId, userVerification: input.step === "sign-in" };
      const check = () => checkAssertion(db, response, expected, rp);
      return input.step === "sign-in" ? passwordless(db, address, response.id, check, input.callbackUrl, words) : secondFactor(db, address, ceremony.userId, check, input.callbackUrl, words);
    });
  },
});

/**
 * A refused answer in the audit log: under the passkey's owner when the
 * passkey is known, else under the pending sign-in's account (the code step),
 * else under no one (the address says where it came from).
 */
function auditRefusal(db: Db, address: string, summary: string, owner?: { userId: string; email: string | null } | null): Promise<void> {
  return auditOwn(db, { id: owner?.userId ?? null, email: owner?.email ?? null, address }, "passkey-failed", owner?.userId ?? null, summary);
}

/** The account a code step's ceremony was opened for, to file a refusal under. */
async function pendingOwner(db: Db, userId: string): Promise<{ userId: string; email: string | null }> {
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return { userId, email: row?.email ?? null };
}

/** The audit summary of an answer that is not a credential at all. */
const UNREADABLE = "answer not readable";

async function passwordless(db: Db, address: string, credentialId: string, check: () => Promise<AssertionCheck>, callbackUrl: string, words: Words): Promise<Done | Refused> {
  let attempt;
  try {
    attempt = await startAttempt("passkey", credentialId, address);
  } catch (error) {
    if (error instanceof SignInThrottled) return (await auditOwn(db, { id: null, email: null, address }, "throttled", null, "passkey sign-in"), refuse(words.throttled));
    if (error instanceof SignInBusy) return refuse(words.busy);
    throw error;
  }
  let checked: AssertionCheck;
  try {
    checked = await check();
    if (checked.ok) await attempt.succeeded();
  } finally {
    attempt.end();
  }
  if (!checked.ok) return (await auditRefusal(db, address, REFUSAL_SUMMARY[checked.reason], checked.passkey), refuse(words.failed));
  const { passkey } = checked;
  const actor = { id: passkey.userId, email: passkey.email, address };
  await auditOwn(db, actor, "passkey-used", passkey.userId, passkey.name);
  const ticket = await createChallenge(db, { id: passkey.userId, securityStamp: passkey.securityStamp }, { verified: true });
  const landing = await completeSignIn(db, ticket, actor, callbackUrl);
  return landing ? { redirect: landing } : refuse(words.failed);
}

async function secondFactor(db: Db, address: string, userId: string | null, check: () => Promise<AssertionCheck>, callbackUrl: string, words: Words): Promise<Done | Refused | ActionState<{ expired: true }>> {
  const jar = await cookies();
  const token = jar.get(CHALLENGE_COOKIE)?.value;
  const challenge = await findChallenge(db, token);
  if (!token || !challenge || challenge.verified || challenge.userId !== userId) return expired(words);
  const actor = { id: challenge.userId, email: challenge.email, address };
  let refused: (AssertionCheck & { ok: false }) | null = null;
  const checked = await throttledCodeCheck(challenge.userId, address, async () => {
    const result = await check();
    if (result.ok) return result;
    refused = result;
    return null;
  });
  if (!checked.ok) {
    if (checked.reason === "busy") return refuse(words.busy);
    if (checked.reason === "throttled") return (await auditOwn(db, actor, "two-factor-throttled", challenge.userId), refuse(words.throttled));
    const failed = refused as (AssertionCheck & { ok: false }) | null;
    if (failed) await auditRefusal(db, address, REFUSAL_SUMMARY[failed.reason], failed.passkey ?? { userId: challenge.userId, email: challenge.email });
    return refuse(words.failed);
  }
  if (!(await markChallengeVerified(db, token))) return expired(words);
  await auditOwn(db, actor, "passkey-used", challenge.userId, checked.value.passkey.name);
  jar.delete(CHALLENGE_COOKIE);
  const landing = await completeSignIn(db, token, actor, callbackUrl);
  return landing ? { redirect: landing } : expired(words);
}
