import { createHmac } from "node:crypto";

/**
 * RFC 6238 TOTP (HMAC-SHA1, 30-second steps) written with node's crypto, so
 * that the tests check the app against the standard, not against the library
 * the app itself uses.
 */

export const PERIOD_MS = 30_000;

function base32Decode(input: string): Buffer {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  const clean = input.replace(/[\s=]/g, "").toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const idx = alphabet.indexOf(ch);
    if (idx < 0) throw new Error(`Not base32: ${ch}`);
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The code for time step `step` of a key as shown on the page (base32, spaces allowed). */
export function totpAt(key: string | Buffer, step: number, digits = 6): string {
  const secret = typeof key === "string" ? base32Decode(key) : key;
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac("sha1", secret).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const bin = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return String(bin).padStart(digits, "0");
}

export const currentStep = (now = Date.now()) => Math.floor(now / PERIOD_MS);

/**
 * A code the server will accept next: for a step after `lastStep` (codes are
 * single-use) and no further ahead than the next step (the server allows ±1).
 * Waits for the clock when every usable step has been spent.
 */
export async function nextCode(key: string, lastStep: number): Promise<{ code: string; step: number }> {
  for (;;) {
    const now = currentStep();
    const step = Math.max(lastStep + 1, now);
    if (step <= now + 1) return { code: totpAt(key, step), step };
    await new Promise((r) => setTimeout(r, (step - 1) * PERIOD_MS - Date.now() + 50));
  }
}

/** Time left in the current step below which a code of the step before may expire before the server reads it. */
const ONE_SUBMISSION_MS = 15_000;

/**
 * The first code of a new authenticator: of the step before now (the server
 * accepts ±1 step) while enough of this step is left for one submission, else
 * of now. Starting a step early gives a test one more code before it has to
 * wait up to 30 s for the clock.
 */
export function firstCode(key: string): { code: string; step: number } {
  const now = Date.now();
  const step = currentStep(now) - ((currentStep(now) + 1) * PERIOD_MS - now >= ONE_SUBMISSION_MS ? 1 : 0);
  return { code: totpAt(key, step), step };
}

/** A well-formed code that is valid for none of the steps around now. */
export function wrongCode(key: string): string {
  const now = currentStep();
  const near = new Set([-2, -1, 0, 1, 2].map((d) => totpAt(key, now + d)));
  for (let n = 0; ; n++) {
    const candidate = String((123456 + n * 7919) % 1_000_000).padStart(6, "0");
    if (!near.has(candidate)) return candidate;
  }
}
