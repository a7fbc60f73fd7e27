import pino from "pino";
import { rootCause } from "../db/unavailable";
import { env } from "../env";

/**
 * The server's log: one JSON line per event on stdout. Session ids, tokens,
 * cookies, passwords and SQL parameters are redacted wherever they appear, so
 * a careless field cannot leak them.
 */
function createLog(destination?: pino.DestinationStream, level?: string): pino.Logger {
  const options: pino.LoggerOptions = {
    level: level ?? env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "silent" : "info"),
    base: undefined,
    redact: {
      paths: ["sid", "token", "sessionToken", "cookie", "password", "params", "*.sid", "*.token", "*.sessionToken", "*.cookie", "*.password", "*.params", "headers.cookie", "headers.authorization"],
      censor: "[redacted]",
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export let log = createLog();

/** Tests: send the log to `destination` (every level) instead of stdout. */
export function logTo(destination: pino.DestinationStream): void {
  log = createLog(destination, "info");
}

/** Repeats of one cause within this window are counted, then reported in one line. */
const WINDOW_MS = 1_000;
const windows = new Map<string, { count: number; timer: NodeJS.Timeout }>();

/**
 * Logs a failure once per cause per second: the first occurrence at once with
 * the driver's own code, errno and message (no stack, no SQL, no parameters),
 * then one line with how many more there were. `event` names what failed.
 */
export function logFailure(event: string, error: unknown, fields: Record<string, unknown> = {}): void {
  const cause = rootCause(error);
  const key = `${event}\u0000${cause.code ?? ""}\u0000${cause.message}`;
  const open = windows.get(key);
  if (open) {
    open.count++;
    return;
  }
  log.error({ event, ...fields, cause }, `${event}: ${cause.message}`);
  const timer = setTimeout(() => {
    const closed = windows.get(key);
    windows.delete(key);
    if (closed?.count) log.error({ event, cause, repeated: closed.count, windowMs: WINDOW_MS }, `${event}: ${cause.message} (${closed.count} more in the last second)`);
  }, WINDOW_MS);
  timer.unref();
  windows.set(key, { count: 0, timer });
}
