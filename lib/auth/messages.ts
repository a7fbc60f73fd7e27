/** The one answer to every failed sign-in, whatever the cause. */
export const INVALID_CREDENTIALS = "Invalid email or password.";

/** The answer while sign-in is throttled (even with the right password). */
export const THROTTLED = "Too many failed sign-ins. Please wait a few minutes and try again later.";

/** The answer when too many sign-ins are being checked at once; nothing was counted. */
export const BUSY = "Too many sign-ins at once. Please try again shortly.";

/** The answer when the database did not answer: nothing was checked or counted. */
export const UNAVAILABLE = "Sign-in is unavailable: the database is not answering. Please try again in a moment.";

/** The message for an Auth.js sign-in error code: its key under the messages' `login.errors`. */
export function signInMessage(code: string | undefined): "throttled" | "busy" | "unavailable" | "invalid" {
  return code === "throttled" || code === "busy" || code === "unavailable" ? code : "invalid";
}

/** After a password change whose automatic sign-in was refused. */
export const PASSWORD_CHANGED = "Your password was changed. Please sign in with the new password.";

/** A signed-in user without the permission (the 403 page, and middleware's short answer). */
export const NO_PERMISSION = "You do not have permission to view this page.";
