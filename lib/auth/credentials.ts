import { z } from "zod";
import type { Db } from "../db";
import { normalizeEmail } from "../email";
import { findUserForSignIn } from "../users/queries";
import { burnPasswordCheck, verifyPassword } from "./password";

// Bounds keep an oversized body from reaching bcrypt or the database.
export const credentialsSchema = z.object({
  email: z.string().min(1).max(254).transform(normalizeEmail),
  password: z.string().min(1).max(1024),
});

export interface SignedInUser {
  id: string;
  email: string;
  name: string | null;
  securityStamp: string;
}

/**
 * The credential check. Unknown email, missing hash, inactive account and wrong
 * password all return null after one bcrypt compare, so neither the answer nor
 * its timing tells them apart.
 */
export async function checkCredentials(db: Db, raw: unknown): Promise<SignedInUser | null> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const user = findUserForSignIn(db, email);
  if (!user?.passwordHash) return burnPasswordCheck(password).then(() => null);
  const ok = await verifyPassword(password, user.passwordHash);
  if (!ok || !user.active) return null;
  return { id: user.id, email: user.email, name: user.name, securityStamp: user.securityStamp };
}
