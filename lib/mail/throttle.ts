import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { addressGroup } from "../net/client-address";
import { currentThrottleStore, take, type ThrottleStore } from "../auth/throttle";

/**
 * How often a mail link may be asked for, in the sign-in throttle's store
 * (the database in a running server): per address asked about (known or not,
 * so the answer tells nothing), and per client address. An hour's window.
 */
const WINDOW_SECONDS = 3_600;
export const MAIL_LINKS_PER_ACCOUNT = 3;
export const MAIL_LINKS_PER_ADDRESS = 20;

let built: { store: ThrottleStore; account: RateLimiterAbstract; address: RateLimiterAbstract } | null = null;

function limiters() {
  const store = currentThrottleStore();
  if (built?.store !== store) {
    built = {
      store,
      account: store({ keyPrefix: "mail-link-account", points: MAIL_LINKS_PER_ACCOUNT, duration: WINDOW_SECONDS }),
      address: store({ keyPrefix: "mail-link-address", points: MAIL_LINKS_PER_ADDRESS, duration: WINDOW_SECONDS }),
    };
  }
  return built;
}

/** Takes one request for a link to `email` from `address`: false when either has asked too often. */
export async function mayAskForLink(email: string, address: string): Promise<boolean> {
  const { account, address: byAddress } = limiters();
  const [a, b] = await Promise.all([take(account, email), take(byAddress, addressGroup(address))]);
  return typeof a !== "number" && typeof b !== "number";
}
