import { hashPassword } from "../auth/password";
import { checkPasswordPolicy } from "../auth/password-policy";

/** Whose password it is: the policy refuses one built from these. */
export interface PasswordOwner {
  email?: string | null;
  name?: string | null;
}

export type NewPassword = { ok: true; hash: string } | { ok: false; problem: string };

/**
 * The one check-and-hash of a new password, for every door that sets one
 * (panel form, CLI, /account, seed). `checkPolicy: false` is for the demo
 * accounts of development only (lib/db/seed.ts refuses them in production).
 */
export async function newPassword(raw: unknown, owner: PasswordOwner, { checkPolicy = true } = {}): Promise<NewPassword> {
  const password = typeof raw === "string" ? raw : "";
  if (!password) return { ok: false, problem: "Password is required." };
  if (checkPolicy) {
    const problem = checkPasswordPolicy(password, [owner.email ?? "", owner.name ?? ""]);
    if (problem) return { ok: false, problem };
  }
  return { ok: true, hash: await hashPassword(password) };
}
