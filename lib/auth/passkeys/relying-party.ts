import { headers } from "next/headers";

/**
 * The relying party a passkey belongs to: the site's host name is its id and
 * the site's origin the only one an answer may come from. Both come from
 * AUTH_URL, the panel's public address; without it (development, or
 * AUTH_TRUST_HOST behind a proxy that sets Host) from the address the browser
 * asked for, as Auth.js does. A passkey made for one id is never offered, nor
 * accepted, on another, which is what makes it impossible to phish.
 */
export interface RelyingParty {
  id: string;
  origin: string;
  name: string;
}

export const RELYING_PARTY_NAME = "Gatehouse";

/** The relying party for AUTH_URL, or else for the request's host and scheme; null when neither names one. */
export function relyingPartyFrom(authUrl: string | undefined, host: string | null, proto: string | null): RelyingParty | null {
  try {
    const url = authUrl ? new URL(authUrl) : host ? new URL(`${proto === "https" ? "https" : "http"}://${host}`) : null;
    return url ? { id: url.hostname, origin: url.origin, name: RELYING_PARTY_NAME } : null;
  } catch {
    return null;
  }
}

/** This request's relying party (see relyingPartyFrom). */
export async function relyingParty(): Promise<RelyingParty | null> {
  const h = await headers();
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? null;
  return relyingPartyFrom(process.env.AUTH_URL, h.get("x-forwarded-host") ?? h.get("host"), proto);
}
