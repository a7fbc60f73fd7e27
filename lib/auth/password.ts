import bcrypt from "bcryptjs";
import { env } from "../env";

export function hashPassword(password: string, cost: number = env.BCRYPT_COST): Promise<string> {
  return bcrypt.hash(password, cost);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

let dummyHash: Promise<string> | undefined;

/**
 * Runs a compare against a real hash of the configured cost, so that a sign-in
 * for an unknown or passwordless account takes as long as a wrong password.
 */
export async function burnPasswordCheck(password: string): Promise<false> {
  dummyHash ??= hashPassword("gatehouse-timing-equaliser");
  await bcrypt.compare(password, await dummyHash);
  return false;
}
