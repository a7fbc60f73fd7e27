/** The message for an Auth.js sign-in error code: its key under the messages' `login.errors`. */
export function signInMessage(code: string | undefined): "throttled" | "busy" | "unavailable" | "invalid" {
  return code === "throttled" || code === "busy" || code === "unavailable" ? code : "invalid";
}
