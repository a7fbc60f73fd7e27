import { env } from "../env";
import { compareInPool, hashInPool } from "./bcrypt-pool";

/** bcrypt hashes, computed off the main thread (see bcrypt-pool.ts). */
export function hashPassword(password: string, cost: number = env.BCRYPT_COST): Promise<string> {
  return hashInPool(password, cost);
}

/** `bounded`: a sign-in check, refused with BcryptBusy when too many are waiting. */
export function verifyPassword(password: string, hash: string, bounded = false): Promise<boolean> {
  return compareInPool(password, hash, bounded);
}

let dummyHash: Promise<string> | undefined;

/**
 * Runs a compare against a real hash of the configured cost, so that a sign-in
 * for an unknown or passwordless account takes as long as a wrong password.
 */
export async function burnPasswordCheck(password: string, bounded = false): Promise<false> {
  dummyHash ??= hashPassword("gatehouse-timing-equaliser");
  await compareInPool(password, await dummyHash, bounded);
  return false;
}
