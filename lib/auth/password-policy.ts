import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";

export const MIN_PASSWORD_LENGTH = 8;
/** bcrypt ignores everything past 72 bytes: refuse rather than truncate silently. */
export const MAX_PASSWORD_BYTES = 72;
/** zxcvbn score (0–4) a password must reach. */
export const MIN_PASSWORD_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;

function getEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  return estimator;
}

/**
 * Checks a new password against the policy: length in characters and bytes, and
 * a strength estimate that refuses common and guessable passwords. No
 * composition rules. Returns the reason it is refused, or null when it is fine.
 */
export function checkPasswordPolicy(password: string, userInputs: string[] = []): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  }
  if (Buffer.byteLength(password, "utf8") > MAX_PASSWORD_BYTES) {
    return `Use at most ${MAX_PASSWORD_BYTES} bytes (fewer characters if you use accents or emoji).`;
  }
  const result = getEstimator().check(password, userInputs.filter(Boolean));
  if (result.score < MIN_PASSWORD_SCORE) {
    const hint = result.feedback.warning ?? result.feedback.suggestions[0];
    return `This password is too easy to guess.${hint ? ` ${hint}` : ""}`;
  }
  return null;
}
