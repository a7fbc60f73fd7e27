import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";
import { english } from "../i18n/translator";

export const MIN_PASSWORD_LENGTH = 8;
/** bcrypt ignores everything past 72 bytes: refuse rather than truncate silently. */
export const MAX_PASSWORD_BYTES = 72;
/** zxcvbn score (0–4) a password must reach. */
export const MIN_PASSWORD_SCORE = 3;

/**
 * The policy's words, messages `auth.passwordPolicy` of a locale: pass
 * `await translator("auth.passwordPolicy")` inside a request; English otherwise.
 */
export type PasswordPolicyWords = ReturnType<typeof english<"auth.passwordPolicy">>;

/**
 * zxcvbn's feedback comes back as its keys ("warnings.dates"), never as its
 * own English sentences: each is a message of `auth.passwordPolicy`.
 */
const feedbackKeys = Object.fromEntries(
  Object.entries(en.translations).map(([section, entries]) => [section, Object.fromEntries(Object.keys(entries).map((key) => [key, `${section}.${key}`]))]),
) as typeof en.translations;

let estimator: ZxcvbnFactory | undefined;

function getEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: feedbackKeys,
  });
  return estimator;
}

/** zxcvbn's hint in words, or null when the catalogue has no message for its key. */
function hint(words: PasswordPolicyWords, key: string | null | undefined): string | null {
  if (!key || !/^(warnings|suggestions)\.\w+$/.test(key)) return null;
  const name = key as Parameters<PasswordPolicyWords>[0];
  return words.has(name) ? words(name) : null;
}

/**
 * Checks a new password against the policy: length in characters and bytes, and
 * a strength estimate that refuses common and guessable passwords. No
 * composition rules. Returns the reason it is refused (in `words`' language),
 * or null when it is fine.
 */
export function checkPasswordPolicy(password: string, userInputs: string[] = [], words: PasswordPolicyWords = english("auth.passwordPolicy")): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return words("tooShort", { min: MIN_PASSWORD_LENGTH });
  if (Buffer.byteLength(password, "utf8") > MAX_PASSWORD_BYTES) return words("tooLong", { max: MAX_PASSWORD_BYTES });
  const result = getEstimator().check(password, userInputs.filter(Boolean));
  if (result.score < MIN_PASSWORD_SCORE) {
    const said = hint(words, result.feedback.warning) ?? hint(words, result.feedback.suggestions[0]);
    return said ? words("tooEasyWithHint", { hint: said }) : words("tooEasy");
  }
  return null;
}
