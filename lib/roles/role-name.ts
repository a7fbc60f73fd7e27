import { ADMIN_ROLE } from "../permissions";

/**
 * What a role may be called, for every door that names one (panel form, CLI).
 * Each problem has one message whichever door it came through.
 */

export const ROLE_NAME_PATTERN = /^[a-z][a-z0-9-]*$/;
export const ROLE_NAME_MAX = 64;
export const ROLE_NAME_MESSAGE = "Use lower-case letters, digits and dashes, starting with a letter.";
// Worded as the panel words every over-long field (resources/engine/form.ts).
export const ROLE_NAME_TOO_LONG = `Name must be at most ${ROLE_NAME_MAX} characters.`;
export const ADMIN_NAME_RESERVED = "The name admin is reserved.";
export const ADMIN_NOT_RENAMED = "The admin role cannot be renamed.";

/** `before`: the role's current name when renaming; absent when creating. Null when the name is fine. */
export function roleNameProblem(name: string, before?: string): string | null {
  if (before === ADMIN_ROLE) return name === ADMIN_ROLE ? null : ADMIN_NOT_RENAMED;
  if (before !== undefined && name === ADMIN_ROLE) return ADMIN_NAME_RESERVED;
  if (name.length > ROLE_NAME_MAX) return ROLE_NAME_TOO_LONG;
  return ROLE_NAME_PATTERN.test(name) ? null : ROLE_NAME_MESSAGE;
}
