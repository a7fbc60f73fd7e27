import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "../../env";

/**
 * Encrypts TOTP secrets at rest with AES-256-GCM. The key is derived (HKDF-SHA256)
 * from TOTP_ENCRYPTION_KEY, or else from AUTH_SECRET, so a copy of the database
 * alone does not give away anyone's second factor.
 */

const VERSION = "v1";
let cached: { source: string; key: Buffer } | null = null;

function key(): Buffer {
  const source = env.TOTP_ENCRYPTION_KEY || env.AUTH_SECRET;
  if (!source) throw new Error("Two-factor secrets need TOTP_ENCRYPTION_KEY or AUTH_SECRET to be set.");
  if (cached?.source !== source) {
    cached = { source, key: Buffer.from(hkdfSync("sha256", source, "gatehouse", "totp-secret-v1", 32)) };
  }
  return cached.key;
}

export function sealSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

/** The secret, or null when the box was sealed with another key or tampered with. */
export function openSecret(sealed: string): string | null {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || !body) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
