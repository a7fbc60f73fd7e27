import { RateLimiterMemory, RateLimiterRes, type IRateLimiterOptions, type RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "../env";
import { addressGroup } from "../net/client-address";

/**
 * Sign-in throttling, for the password step ("signin") and the code step of
 * two-factor sign-in ("code"), each with counts of its own. Every attempt takes a point before the password is
 * compared and gets it back when it succeeds, so a burst of parallel guesses
 * is counted as it arrives, not after bcrypt has answered them all.
 *
 * - Per account *and* client address (IPv6 by /64): LOGIN_MAX_FAILURES attempts
 *   per LOGIN_WINDOW_SECONDS, then that pair waits LOGIN_LOCKOUT_SECONDS.
 *   Someone guessing from elsewhere never locks the owner's own address out.
 * - Per client address: LOGIN_IP_MAX_FAILURES attempts, whatever the accounts.
 * - Per account, from every address: no lockout, but past LOGIN_SLOW_AFTER
 *   failures each attempt waits longer (doubling, at most LOGIN_MAX_DELAY_MS).
 * - At most LOGIN_MAX_IN_FLIGHT attempts at once per account and per address;
 *   beyond that the answer is "try again shortly" without any work.
 *
 * Counts live in a rate-limiter-flexible store: the database once the server
 * has started (instrumentation.ts installs lib/db/rate-limit-store.ts, so every
 * instance shares them), memory until then (scripts, unit tests), or any
 * other store of that library through setThrottleStore().
 */

/** Refused: too many attempts; says how long to wait. */
export class SignInThrottled extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("Too many failed sign-ins.");
  }
}

/** Refused: too many attempts in flight right now; nothing was counted. */
export class SignInBusy extends Error {
  constructor() {
    super("Too many sign-ins at once.");
  }
}

export type ThrottleStore = (options: IRateLimiterOptions & { keyPrefix: string }) => RateLimiterAbstract;

/** Which step is throttled: the password, the code of two-factor sign-in, or a passkey sign-in (counted per passkey). */
export type ThrottledStep = "signin" | "code" | "passkey";

interface Limiters {
  pair: RateLimiterAbstract;
  address: RateLimiterAbstract;
  account: RateLimiterAbstract;
}

interface State {
  store: ThrottleStore;
  limiters?: Partial<Record<ThrottledStep, Limiters>>;
  inFlight: Map<string, number>;
}

const g = globalThis as unknown as { gatehouseThrottle?: State };
const state: State = (g.gatehouseThrottle ??= { store: (options) => new RateLimiterMemory(options), inFlight: new Map<string, number>() });

/** Where counts are kept now (the two-factor code step keeps its counts there too). */
export function currentThrottleStore(): ThrottleStore {
  return state.store;
}

/** Replaces where counts are kept (e.g. a database-backed limiter); counts so far are dropped. */
export function setThrottleStore(store: ThrottleStore): void {
  state.store = store;
  state.limiters = undefined;
}

function limiters(step: ThrottledStep): Limiters {
  const { store } = state;
  const window = env.LOGIN_WINDOW_SECONDS;
  state.limiters ??= {};
  state.limiters[step] ??= {
    pair: store({ keyPrefix: `${step}-pair`, points: env.LOGIN_MAX_FAILURES, duration: window, blockDuration: env.LOGIN_LOCKOUT_SECONDS }),
    address: store({ keyPrefix: `${step}-address`, points: env.LOGIN_IP_MAX_FAILURES, duration: window, blockDuration: env.LOGIN_LOCKOUT_SECONDS }),
    // Counts only: an account-wide lockout is what an attacker would use to lock the owner out.
    account: store({ keyPrefix: `${step}-account`, points: Number.MAX_SAFE_INTEGER, duration: window }),
  };
  return state.limiters[step];
}

/** How long an attempt waits after `failures` account-wide failures in the window. */
export function accountDelayMs(failures: number): number {
  const over = failures - env.LOGIN_SLOW_AFTER;
  if (over <= 0) return 0;
  return Math.min(env.LOGIN_MAX_DELAY_MS, 100 * 2 ** Math.min(over - 1, 20));
}

function enter(keys: string[]): boolean {
  if (keys.some((k) => (state.inFlight.get(k) ?? 0) >= env.LOGIN_MAX_IN_FLIGHT)) return false;
  for (const k of keys) state.inFlight.set(k, (state.inFlight.get(k) ?? 0) + 1);
  return true;
}

function leave(keys: string[]): void {
  for (const k of keys) {
    const n = (state.inFlight.get(k) ?? 1) - 1;
    if (n <= 0) state.inFlight.delete(k);
    else state.inFlight.set(k, n);
  }
}

/** Consumes a point: the limiter's answer, or the seconds to wait when refused. */
export async function take(limiter: RateLimiterAbstract, key: string): Promise<RateLimiterRes | number> {
  try {
    return await limiter.consume(key);
  } catch (error) {
    // A refusal rejects with a RateLimiterRes (checked by shape: bundling may load the class twice).
    const ms = (error as { msBeforeNext?: unknown })?.msBeforeNext;
    if (typeof ms === "number" && !(error instanceof Error)) return Math.max(1, Math.ceil(ms / 1000));
    throw error;
  }
}

export interface SignInAttempt {
  /** The password (or code) was right: the points are given back and the pair's count cleared. */
  succeeded(): Promise<void>;
  /** The attempt was never judged (e.g. bcrypt was too busy): give its points back. */
  cancelled(): Promise<void>;
  /** Always call once the attempt is over, whatever its outcome. */
  end(): void;
}

/**
 * A sign-in has completed for `account` from `address`: the pair's failures
 * are forgotten and the attempt's points given back. For a two-factor account
 * this happens when the code passes, not at the password.
 */
export async function clearFailures(step: ThrottledStep, account: string, address: string): Promise<void> {
  const group = addressGroup(address);
  const { pair, address: byAddress, account: byAccount } = limiters(step);
  await pair.delete(`${account}|${group}`);
  await Promise.all([byAddress.reward(group), byAccount.reward(account)]);
}

/**
 * Starts an attempt of `step` for `account` (the email at the password, the
 * user id at the code) from `address`, before anything is compared. Throws
 * SignInBusy or SignInThrottled when it may not go ahead.
 */
export async function startAttempt(step: ThrottledStep, account: string, address: string): Promise<SignInAttempt> {
  const group = addressGroup(address);
  const pairKey = `${account}|${group}`;
  const flight = [`${step}:a:${account}`, `${step}:ip:${group}`];
  if (!enter(flight)) throw new SignInBusy();
  const { pair, address: byAddress, account: byAccount } = limiters(step);
  let ended = false;
  const end = () => {
    if (!ended) leave(flight);
    ended = true;
  };
  try {
    const [p, a, acc] = await Promise.all([take(pair, pairKey), take(byAddress, group), take(byAccount, account)]);
    const waits = [p, a].filter((r): r is number => typeof r === "number");
    if (waits.length) {
      // The attempt is refused, so it is not an account-wide failure either.
      await byAccount.reward(account);
      throw new SignInThrottled(Math.max(...waits));
    }
    const delay = accountDelayMs((acc as RateLimiterRes).consumedPoints - 1);
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    return {
      succeeded: () => clearFailures(step, account, address),
      cancelled: async () => {
        await pair.reward(pairKey);
        await Promise.all([byAddress.reward(group), byAccount.reward(account)]);
      },
      end,
    };
  } catch (error) {
    end();
    throw error;
  }
}

/** The password step's attempt for `email` from `address` (see startAttempt). */
export function startSignInAttempt(email: string, address: string): Promise<SignInAttempt> {
  return startAttempt("signin", email, address);
}
