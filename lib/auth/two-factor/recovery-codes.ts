import { createHash, randomInt } from "node:crypto";

export const RECOVERY_CODE_COUNT = 10;
// No 0/1/i/l/o, so a code copied from paper reads back the same.
const ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";

/** Ten codes like `k7pq2-xm4ra` (about 49 bits each); shown once, stored hashed. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** The recovery code as typed, lower-cased without separators; null if it cannot be one. */
export function normalizeRecoveryCode(raw: string): string | null {
  const code = raw.toLowerCase().replace(/[\s-]/g, "");
  return code.length === 10 && [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}

/**
 * A plain SHA-256 is enough: the codes are random and long, and guessing is
 * throttled, so a slow hash would only slow down the owner.
 */
export function hashRecoveryCode(normalized: string): string {
  return createHash("sha256").update(`gatehouse-recovery:${normalized}`).digest("hex");
}
