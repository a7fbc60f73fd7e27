"use client";

import { useSyncExternalStore } from "react";
import { browserSupportsWebAuthn, startAuthentication, startRegistration, type PublicKeyCredentialCreationOptionsJSON, type PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";

/**
 * The browser's side of a passkey ceremony: ask the authenticator, and hand
 * its answer on as the JSON text the server actions read. Null when the user
 * cancelled, it timed out, or the browser refused (another ceremony took over).
 */
export async function answerChallenge(options: PublicKeyCredentialRequestOptionsJSON, autofill = false): Promise<string | null> {
  try {
    return JSON.stringify(await startAuthentication({ optionsJSON: options, useBrowserAutofill: autofill }));
  } catch {
    return null;
  }
}

export async function createCredential(options: PublicKeyCredentialCreationOptionsJSON): Promise<string | null> {
  try {
    return JSON.stringify(await startRegistration({ optionsJSON: options }));
  } catch {
    return null;
  }
}

/** A form's fields as the actions read them. */
export function formOf(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

const noSubscription = () => () => {};

/** Whether this browser can use passkeys; null on the server and before hydration (the buttons start disabled). */
export function useWebAuthnSupport(): boolean | null {
  return useSyncExternalStore<boolean | null>(noSubscription, browserSupportsWebAuthn, () => null);
}
