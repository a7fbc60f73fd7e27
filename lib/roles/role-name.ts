import { ADMIN_ROLE } from "../permissions";
import english from "../../messages/en/engine.json";

/**
 * What a role may be called, for every door that names one (panel form, CLI,
 * REQUIRE_2FA_ROLES). Each problem has one message whichever door it came
 * through: the `engine.roles` message of its key (role-name-words.ts).
 */

export const ROLE_NAME_PATTERN = /^[a-z][a-z0-9-]*$/;
export const ROLE_NAME_MAX = 64;

export type RoleNameProblem = "adminNotRenamed" | "adminReserved" | "nameTooLong" | "nameFormat";

/** `before`: the role's current name when renaming; absent when creating. Null when the name is fine. */
export function roleNameRule(name: string, before?: string): RoleNameProblem | null {
  if (before === ADMIN_ROLE) return name === ADMIN_ROLE ? null : "adminNotRenamed";
  if (before !== undefined && name === ADMIN_ROLE) return "adminReserved";
  if (name.length > ROLE_NAME_MAX) return "nameTooLong";
  return ROLE_NAME_PATTERN.test(name) ? null : "nameFormat";
}

/**
 * The problem in English, for the operator's configuration: env.ts checks
 * REQUIRE_2FA_ROLES before any request, also in middleware, where no
 * translator runs. Its messages take no argument but `{max}`.
 */
export function roleNameProblem(name: string, before?: string): string | null {
  const problem = roleNameRule(name, before);
  return problem && english.roles[problem].replace("{max}", String(ROLE_NAME_MAX));
}

/** The format rule as the roles definition's name field states it (a definition word, in English like its labels). */
export const ROLE_NAME_MESSAGE = english.roles.nameFormat;
