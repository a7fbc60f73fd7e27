/**
 * A failure of the database itself (unreachable, restarting, out of
 * connections, locked, an I/O error), as opposed to an answer. Callers that
 * check something against the database (a session, a password) must tell the
 * two apart: a failure is "try again", never "no".
 */
export class DatabaseUnavailable extends Error {
  constructor(readonly cause: unknown) {
    super("The database is not answering; try again in a moment.");
    this.name = "DatabaseUnavailable";
  }
}

/** What the driver said at the bottom of a chain of wrapped errors (Drizzle wraps the driver's). */
export interface RootCause {
  code?: string;
  errno?: number;
  message: string;
}

type Wrapped = { cause?: unknown; code?: unknown; errno?: unknown; message?: unknown; errors?: unknown[] };

/** `error` and the errors it wraps, outermost first (Node's AggregateError: its first error). */
function* causes(error: unknown): Generator<Wrapped> {
  let e = error;
  for (let depth = 0; depth < 8 && e && typeof e === "object"; depth++) {
    yield e as Wrapped;
    const w = e as Wrapped;
    e = w.cause ?? (Array.isArray(w.errors) ? w.errors[0] : undefined);
  }
}

export function rootCause(error: unknown): RootCause {
  let e: Wrapped | undefined;
  for (e of causes(error));
  const code = typeof e?.code === "string" ? e.code : typeof e?.code === "number" ? String(e.code) : undefined;
  const errno = typeof e?.errno === "number" ? e.errno : undefined;
  const message = typeof e?.message === "string" && e.message ? e.message : String(error);
  return { ...(code ? { code } : {}), ...(errno !== undefined ? { errno } : {}), message };
}

// PostgreSQL's classes 08 (connection), 53 (resources), 57P (shutdown, crash recovery).
const PG_OUTAGE = /^(08|53|57P)/;
const NODE_OUTAGE = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "EPIPE"]);
const SQLITE_OUTAGE = /^SQLITE_(BUSY|LOCKED|IOERR|CANTOPEN|FULL|NOMEM|PROTOCOL)/;
// pg reports a lost or never-made connection with these messages and no code.
const PG_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly|Query read timeout/i;

/** True when `error` (or what it wraps) says the database did not answer, rather than answering no. */
export function isDatabaseOutage(error: unknown): boolean {
  if (error instanceof DatabaseUnavailable) return true;
  for (const e of causes(error)) {
    const code = typeof e.code === "string" ? e.code : "";
    if (NODE_OUTAGE.has(code) || SQLITE_OUTAGE.test(code) || (/^[0-9A-Z]{5}$/.test(code) && PG_OUTAGE.test(code))) return true;
    if (typeof e.message === "string" && PG_MESSAGES.test(e.message)) return true;
  }
  return false;
}
