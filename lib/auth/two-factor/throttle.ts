import { SignInBusy, SignInThrottled, startAttempt } from "../throttle";

/**
 * Throttling of the second step, on the password step's principle (see
 * ../throttle.ts): failures count per account *and* client address, with a
 * lockout of that pair only; per address; and per account from everywhere,
 * which slows attempts down but never locks. So someone who knows only the
 * password can lock out their own address, never the owner's. Each attempt is
 * counted before the code is checked, so parallel guesses cannot slip past the
 * limit; a correct code clears the pair's count.
 */

export type CodeCheck<T> = { ok: true; value: T } | { ok: false; reason: "wrong" | "throttled" | "busy" };

/** The answer of a check not throttled here (e.g. the code confirming a new authenticator). */
export function codeCheck<T>(value: T | null): CodeCheck<T> {
  return value === null ? { ok: false, reason: "wrong" } : { ok: true, value };
}

/** Runs `check` (which spends the code; null when wrong) behind the code-step throttle of `userId` from `address`. */
export async function throttledCodeCheck<T>(userId: string, address: string, check: () => Promise<T | null>): Promise<CodeCheck<T>> {
  let attempt;
  try {
    attempt = await startAttempt("code", userId, address);
  } catch (error) {
    if (error instanceof SignInThrottled) return { ok: false, reason: "throttled" };
    if (error instanceof SignInBusy) return { ok: false, reason: "busy" };
    throw error;
  }
  try {
    const checked = codeCheck(await check());
    if (checked.ok) await attempt.succeeded();
    return checked;
  } finally {
    attempt.end();
  }
}
