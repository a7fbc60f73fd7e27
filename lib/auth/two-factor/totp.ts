import { Secret, TOTP } from "otpauth";

/** RFC 6238 with the parameters every authenticator app understands. */
const PERIOD = 30;
const ISSUER = "Gatehouse";

function totp(secretBase32: string, label = ""): TOTP {
  return new TOTP({ issuer: ISSUER, label, secret: Secret.fromBase32(secretBase32), algorithm: "SHA1", digits: 6, period: PERIOD });
}

/** A new random 160-bit secret, base32 (RFC 4226's recommended length). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function otpauthUri(secretBase32: string, email: string): string {
  return totp(secretBase32, email).toString();
}

/** The secret in groups of four, for people who type it into their app. */
export function groupSecret(secretBase32: string): string {
  return secretBase32.match(/.{1,4}/g)?.join(" ") ?? secretBase32;
}

/** A 6-digit code, with spaces or dashes the user may have typed removed; null if it is not one. */
export function normalizeTotpCode(raw: string): string | null {
  const code = raw.replace(/[\s-]/g, "");
  return /^\d{6}$/.test(code) ? code : null;
}

/**
 * The time step a code belongs to, accepting one step either side of now for
 * clock drift; null when it matches none. Callers must still refuse a step at or
 * before the last one accepted, so that no code works twice.
 */
export function matchTotpStep(secretBase32: string, code: string, now = Date.now()): number | null {
  const t = totp(secretBase32);
  const delta = t.validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : t.counter({ timestamp: now }) + delta;
}
