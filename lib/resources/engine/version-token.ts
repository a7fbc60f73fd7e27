import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "../../env";

/**
 * The version an edit form or a list row carries is a token the server
 * signed (HMAC-SHA256 over the resource, the record's id and the version), so
 * a save can only be compared with a version the server handed out for that
 * very record: a made-up or copied one is refused as an invalid form.
 */

// Without AUTH_SECRET (unit tests; Auth.js refuses to run without it elsewhere) a key of this process.
const key = env.AUTH_SECRET ? `version-token:${env.AUTH_SECRET}` : randomBytes(32);

function mac(resource: string, id: string | number, version: string): Buffer {
  return createHmac("sha256", key).update(`${resource}\0${String(id)}\0${version}`).digest();
}

/** The token for `version` of record `id` of `resource`. */
export function signVersion(resource: string, id: string | number, version: string): string {
  return `${version}.${mac(resource, id, version).toString("base64url")}`;
}

/** The version as a number of milliseconds in text. */
export function versionText(value: unknown): string | undefined {
  return value instanceof Date ? String(value.getTime()) : undefined;
}

/** A row's version column value as a signed token, or undefined when it has none. */
export function versionToken(resource: string, id: string | number, value: unknown): string | undefined {
  const version = versionText(value);
  return version === undefined ? undefined : signVersion(resource, id, version);
}

/** The version inside a token signed for this record, or null for anything else. */
export function openVersion(resource: string, id: string | number, token: string | null | undefined): string | null {
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token ?? "");
  if (!match) return null;
  const given = Buffer.from(match[2]!, "base64url");
  const expected = mac(resource, id, match[1]!);
  return given.length === expected.length && timingSafeEqual(given, expected) ? match[1]! : null;
}
