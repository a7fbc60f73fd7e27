/** The password step, keeping the page that was asked for (if any). */
export function signInUrl(callbackUrl: string): string {
  return callbackUrl ? `/login?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/login";
}
