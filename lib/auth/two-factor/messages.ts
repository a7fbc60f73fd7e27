/** The sign-in page at its code step; it keeps the place to go back to afterwards. */
export function codeStepUrl(callbackUrl: string): string {
  return `/login?step=code&callbackUrl=${encodeURIComponent(callbackUrl)}`;
}
