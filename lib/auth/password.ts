import { env } from "../env";
import { compareInPool, hashInPool } from "./bcrypt-pool";

/** bcrypt hashes, computed off the main thread (see bcrypt-pool.ts). */
export function hashPassword(password: string, cost: number = env.BCRYPT_COST): Promise<string> {
  return hashInPool(password, cost);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return compareInPool(password, hash);
}

let dummyHash: Promise<string> | undefined;

/**
 * Runs a compare against a real hash of the configured cost, so that a sign-in
 * for an unknown or passwordless account takes as long as a wrong password.
 */
export async function burnPasswordCheck(password: string): Promise<false> {
  dummyHash ??= hashPassword("gatehouse-timing-equaliser");
  await compareInPool(password, await dummyHash);
  return false;
}
