/** The one answer to every failed sign-in, whatever the cause. */
export const INVALID_CREDENTIALS = "Invalid email or password.";

/** The answer while sign-in is throttled (even with the right password). */
export const THROTTLED = "Too many failed sign-ins. Please wait a few minutes and try again later.";
