import { RateLimiterMemory } from "rate-limiter-flexible";
import { env } from "../env";

/**
 * Sign-in throttling, per account and per client address: after
 * LOGIN_MAX_FAILURES failures for one email (or LOGIN_IP_MAX_FAILURES from one
 * address) within LOGIN_WINDOW_SECONDS, sign-in is refused for
 * LOGIN_LOCKOUT_SECONDS, even with the right password and without running
 * bcrypt. A success clears the account's count.
 *
 * The store is this process's memory (kept on globalThis so that every bundle
 * of the app shares one): several app instances each keep their own counts.
 */

interface Limiters {
  account: RateLimiterMemory;
  address: RateLimiterMemory;
}

const g = globalThis as unknown as { gatehouseThrottle?: Limiters };

function limiters(): Limiters {
  g.gatehouseThrottle ??= {
    account: new RateLimiterMemory({ keyPrefix: "signin-account", points: env.LOGIN_MAX_FAILURES, duration: env.LOGIN_WINDOW_SECONDS }),
    address: new RateLimiterMemory({ keyPrefix: "signin-address", points: env.LOGIN_IP_MAX_FAILURES, duration: env.LOGIN_WINDOW_SECONDS }),
  };
  return g.gatehouseThrottle;
}

async function blockedFor(limiter: RateLimiterMemory, key: string): Promise<number> {
  const res = await limiter.get(key);
  if (!res || res.consumedPoints < limiter.points) return 0;
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

/** Seconds to wait before this email may try again from this address; 0 when free. */
export async function signInBlockedFor(email: string, address: string): Promise<number> {
  const { account, address: byAddress } = limiters();
  return Math.max(await blockedFor(account, email), await blockedFor(byAddress, address));
}

async function fail(limiter: RateLimiterMemory, key: string): Promise<void> {
  const res = await limiter.penalty(key, 1);
  // Reaching the limit starts the lockout window from this failure.
  if (res.consumedPoints >= limiter.points) await limiter.block(key, env.LOGIN_LOCKOUT_SECONDS);
}

export async function recordSignInFailure(email: string, address: string): Promise<void> {
  const { account, address: byAddress } = limiters();
  await Promise.all([fail(account, email), fail(byAddress, address)]);
}

export async function recordSignInSuccess(email: string): Promise<void> {
  await limiters().account.delete(email);
}
