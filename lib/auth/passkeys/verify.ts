import { verifyAuthenticationResponse, verifyRegistrationResponse, type AuthenticationResponseJSON, type RegistrationResponseJSON } from "@simplewebauthn/server";
import type { Db } from "../../db";
import type { RelyingParty } from "./relying-party";
import { findPasskey, recordPasskeyUse, type NewPasskey, type StoredPasskey } from "./store";

/**
 * Checks what the browser's authenticator answered, against the challenge
 * kept on the server and the site's relying party (its origin and id): the
 * answer must be signed by a passkey stored here, for this site, over this
 * challenge, with a counter that moved on. Why it was refused is said in the
 * audit log, never to the browser.
 */

/** Why an answer was refused: no such passkey, someone else's, a counter that went backwards (a cloned authenticator), or anything else wrong (another origin, a bad signature). */
export type PasskeyRefusal = "unknown" | "not-yours" | "inactive" | "counter" | "invalid";

/** The audit summary of a refusal (audit summaries stay English). */
export const REFUSAL_SUMMARY: Record<PasskeyRefusal, string> = {
  unknown: "unknown passkey",
  "not-yours": "passkey of another account",
  inactive: "account inactive",
  counter: "signature counter went backwards",
  invalid: "answer not valid for this site and challenge",
};

export type AssertionCheck = { ok: true; passkey: StoredPasskey; userVerified: boolean } | { ok: false; reason: PasskeyRefusal; passkey?: StoredPasskey };

const toBytes = (base64url: string) => new Uint8Array(Buffer.from(base64url, "base64url"));

/** The longest credential id kept or looked up (base64url; passkeys.credential_id holds this many). */
export const CREDENTIAL_ID_MAX = 1024;

/** The browser's answer as sent (JSON text from @simplewebauthn/browser), or null when it is not one. */
export function parseAnswer<T extends AuthenticationResponseJSON | RegistrationResponseJSON>(raw: string): T | null {
  try {
    const value = JSON.parse(raw) as unknown;
    if (!value || typeof value !== "object") return null;
    const { id, response, type } = value as { id?: unknown; response?: unknown; type?: unknown };
    return typeof id === "string" && id.length > 0 && id.length <= CREDENTIAL_ID_MAX && type === "public-key" && !!response && typeof response === "object" ? (value as T) : null;
  } catch {
    return null;
  }
}

export async function checkAssertion(db: Db, response: AuthenticationResponseJSON, expected: { challenge: string; userId: string | null; userVerification: boolean }, rp: RelyingParty): Promise<AssertionCheck> {
  const passkey = await findPasskey(db, response.id);
  if (!passkey) return { ok: false, reason: "unknown" };
  if (expected.userId && passkey.userId !== expected.userId) return { ok: false, reason: "not-yours", passkey };
  if (!passkey.active) return { ok: false, reason: "inactive", passkey };
  let info;
  try {
    const verified = await verifyAuthenticationResponse({
      response,
      expectedChallenge: expected.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: { id: response.id, publicKey: toBytes(passkey.publicKey), counter: passkey.counter, transports: passkey.transports as never },
      requireUserVerification: expected.userVerification,
    });
    if (!verified.verified) return { ok: false, reason: "invalid", passkey };
    info = verified.authenticationInfo;
  } catch (error) {
    return { ok: false, reason: /counter/i.test((error as Error).message) ? "counter" : "invalid", passkey };
  }
  // Two answers of one authenticator at once: only one moves the counter on.
  if (!(await recordPasskeyUse(db, passkey, info.newCounter, info.credentialBackedUp))) return { ok: false, reason: "counter", passkey };
  return { ok: true, passkey, userVerified: info.userVerified };
}

/** A new passkey from the browser's answer to a registration challenge, or null when the answer is not valid for this site. */
export async function checkRegistration(response: RegistrationResponseJSON, challenge: string, rp: RelyingParty): Promise<Omit<NewPasskey, "name"> | null> {
  try {
    const verified = await verifyRegistrationResponse({ response, expectedChallenge: challenge, expectedOrigin: rp.origin, expectedRPID: rp.id, requireUserVerification: false });
    if (!verified.verified) return null;
    const { credential, credentialDeviceType, credentialBackedUp } = verified.registrationInfo;
    // An id no answer could name at sign-in (parseAnswer's limit, the column's size) is no passkey to keep.
    if (credential.id.length > CREDENTIAL_ID_MAX) return null;
    return {
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString("base64url"),
      counter: credential.counter,
      transports: (credential.transports ?? response.response.transports ?? []).slice(0, 10).map(String),
      backupEligible: credentialDeviceType === "multiDevice",
      backedUp: credentialBackedUp,
    };
  } catch {
    return null;
  }
}
