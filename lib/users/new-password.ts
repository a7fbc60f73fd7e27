import { hashPassword } from "../auth/password";
import { checkPasswordPolicy } from "../auth/password-policy";
import { translator } from "../i18n/translator";

/** Whose password it is: the policy refuses one built from these. */
export interface PasswordOwner {
  email?: string | null;
  name?: string | null;
}

/**
 * The one check of a new password, for every door that sets one (panel form,
 * CLI, /account, seed: all through the users definition's hooks). `checkPolicy:
 * false` is for the demo accounts of development only (lib/db/seed.ts refuses
 * them in production). Returns the problem, or null.
 */
export async function newPasswordProblem(raw: unknown, owner: PasswordOwner, { checkPolicy = true } = {}): Promise<string | null> {
  const password = typeof raw === "string" ? raw : "";
  if (!password) return (await translator("engine"))("users.passwordRequired");
  return checkPolicy ? checkPasswordPolicy(password, [owner.email ?? "", owner.name ?? ""], await translator("auth.passwordPolicy")) : null;
}

/**
 * The one hash of a new password (none given: undefined). Slow on purpose,
 * so the write pipeline runs it before its transaction (the definition's
 * `input` hook) and the check above decides inside whether it is stored.
 */
export async function hashNewPassword(raw: unknown): Promise<string | undefined> {
  return typeof raw === "string" && raw ? hashPassword(raw) : undefined;
}
