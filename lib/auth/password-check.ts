import { BcryptBusy } from "./bcrypt-pool";
import { burnPasswordCheck, verifyPassword } from "./password";
import { SignInBusy, startSignInAttempt, type SignInAttempt } from "./throttle";

/**
 * A password compared as one throttled sign-in attempt: the shape sign-in and
 * the /account forms (which ask for the current password) share. The attempt
 * is taken before anything is compared (throws SignInThrottled or SignInBusy);
 * `load` reads the account; an unknown or passwordless one costs a compare of
 * the same price, so timing tells nothing; `judge` decides on the verdict while
 * the attempt is still open (to call `succeeded`, or audit the failure).
 * `bounded`: refuse with SignInBusy when too many compares wait (sign-in's
 * guard against floods; a signed-in user's check waits its turn instead).
 */
export async function checkPasswordThrottled<U extends { passwordHash: string | null }, R>(
  email: string,
  address: string,
  password: string,
  load: () => Promise<U | null | undefined>,
  judge: (user: U | null, ok: boolean, attempt: SignInAttempt) => Promise<R>,
  bounded = true,
): Promise<R> {
  const attempt = await startSignInAttempt(email, address);
  try {
    const user = (await load()) ?? null;
    let ok: boolean;
    try {
      ok = user?.passwordHash && password ? await verifyPassword(password, user.passwordHash, bounded) : await burnPasswordCheck(password, bounded);
    } catch (error) {
      if (!(error instanceof BcryptBusy)) throw error;
      await attempt.cancelled();
      throw new SignInBusy();
    }
    return await judge(user, ok, attempt);
  } finally {
    attempt.end();
  }
}
