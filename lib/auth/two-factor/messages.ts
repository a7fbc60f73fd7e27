export const WRONG_CODE = "That code is not correct, or it has already been used.";
export const CODE_THROTTLED = "Too many attempts. Please wait a few minutes and try again later.";
export const CHALLENGE_EXPIRED = "This sign-in has expired. Please sign in again.";

/** The sign-in page at its code step; it keeps the place to go back to afterwards. */
export function codeStepUrl(callbackUrl: string): string {
  return `/login?step=code&callbackUrl=${encodeURIComponent(callbackUrl)}`;
}
