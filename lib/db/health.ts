import { logFailure } from "../log";
import { getDb, ping, poolBusy } from "./index";

/** How long a health check waits for the database before calling it unavailable. */
const PING_TIMEOUT_MS = 2_000;

let inFlight: Promise<boolean> | null = null;

/**
 * Whether the database answers a trivial query now. Requests arriving while a
 * check is on its way share it, so an outage costs one probe at a time, not
 * one per request; with every pool connection busy it is not asked at all.
 * Failures are logged (summarised per cause).
 */
export function databaseAnswers(): Promise<boolean> {
  // Connections busy with queries: the database is answering them. Requests queue as before.
  if (poolBusy()) return Promise.resolve(true);
  inFlight ??= probe().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

async function probe(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${PING_TIMEOUT_MS} ms`), { code: "ETIMEDOUT" })), PING_TIMEOUT_MS);
  });
  try {
    await Promise.race([ping(getDb()), timeout]);
    return true;
  } catch (error) {
    logFailure("database unavailable", error);
    return false;
  } finally {
    clearTimeout(timer);
  }
}
