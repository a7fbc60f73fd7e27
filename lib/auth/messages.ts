/** The one answer to every failed sign-in, whatever the cause. */
export const INVALID_CREDENTIALS = "Invalid email or password.";
