import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "../../env";
import { currentThrottleStore, take, type ThrottleStore } from "../throttle";

/**
 * Throttling of the second step, per account and per client address, with the
 * password's limits. Each attempt is counted before the code is checked, so
 * parallel guesses cannot slip past the limit; a correct code gives its point
 * back. Counts live where the password throttle keeps its own (the database
 * once the server has started, so every instance shares them).
 */

interface Limiters {
  store: ThrottleStore;
  account: RateLimiterAbstract;
  address: RateLimiterAbstract;
}

const g = globalThis as unknown as { gatehouseTwoFactorThrottle?: Limiters };

function limiters(): Limiters {
  const store = currentThrottleStore();
  if (g.gatehouseTwoFactorThrottle?.store !== store) {
    const common = { duration: env.LOGIN_WINDOW_SECONDS, blockDuration: env.LOGIN_LOCKOUT_SECONDS };
    g.gatehouseTwoFactorThrottle = {
      store,
      account: store({ keyPrefix: "2fa-account", points: env.LOGIN_MAX_FAILURES, ...common }),
      address: store({ keyPrefix: "2fa-address", points: env.LOGIN_IP_MAX_FAILURES, ...common }),
    };
  }
  return g.gatehouseTwoFactorThrottle;
}

/** Counts one attempt; false when the account or the address is over its limit (then nothing is checked). */
export async function takeSecondFactorAttempt(userId: string, address: string): Promise<boolean> {
  const { account, address: byAddress } = limiters();
  const answers = await Promise.all([take(account, userId), take(byAddress, address)]);
  // take() answers a number (the seconds to wait) when the limit refuses.
  return answers.every((answer) => typeof answer !== "number");
}

/** A correct code: the attempt it cost is given back. */
export async function refundSecondFactorAttempt(userId: string, address: string): Promise<void> {
  const { account, address: byAddress } = limiters();
  await Promise.all([account.reward(userId, 1), byAddress.reward(address, 1)]);
}
