/** Settings shared by the e2e server, its database preparation and the tests. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_DB_FILE = "data/e2e-test.db";
/** The SMTP server the tests start (e2e/support/mail-catcher.ts) and its control address, near E2E_PORT so parallel runs differ. */
export const E2E_SMTP_PORT = E2E_PORT + 25;
export const E2E_MAIL_CONTROL_PORT = E2E_PORT + 26;
/** The bearer secret of POST /api/mail/flush in the e2e server. */
export const E2E_MAIL_FLUSH_SECRET = "e2e-only-mail-flush-secret-0123456789abcdef";

/** Which database the suite runs on: E2E_DB=postgres, or SQLite by default. */
export const E2E_DIALECT: "sqlite" | "postgres" = process.env.E2E_DB === "postgres" ? "postgres" : "sqlite";

/**
 * The PostgreSQL database the suite creates, uses and drops: a database named
 * gatehouse_e2e_<port>_test on the server of TEST_DATABASE_URL.
 */
export function e2ePostgresUrl(): string {
  const url = new URL(process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres");
  url.pathname = `/gatehouse_e2e_${E2E_PORT}_test`;
  return url.toString();
}

export const E2E_DATABASE_URL = E2E_DIALECT === "postgres" ? e2ePostgresUrl() : `file:./${E2E_DB_FILE}`;

export const E2E_ENV: Record<string, string> = {
  DATABASE_URL: E2E_DATABASE_URL,
  AUTH_SECRET: "e2e-only-secret-0123456789abcdef0123456789abcdef",
  AUTH_TRUST_HOST: "true",
  // The lowest cost bcrypt allows: every sign-in, password check and created user
  // hashes, and at cost 10 those hashes were a large share of the suite's CPU time.
  // What the tests assert (refusals, throttling counted before the check, stored
  // hashes in bcrypt's format) does not depend on the cost.
  BCRYPT_COST: "4",
  // Attack tests choose their client address with X-Forwarded-For, so that
  // throttling one address does not lock out the browser tests on ::1. One
  // trusted proxy: the rightmost entry is the client's, so tests send one entry
  // (or put made-up ones in front of it, to show they are ignored).
  TRUST_PROXY: "true",
  // Only the two-factor tests create and grant this role, so the rule touches no other test.
  REQUIRE_2FA_ROLES: "two-factor-required",
  // Serves en-XA (bracketed, accented English) to browsers that ask for it: the forgotten-string guard.
  GATEHOUSE_PSEUDO_LOCALE: "1",
  // Mail goes to the SMTP server the tests start; retries wait a second, so the outage test need not wait minutes;
  // no timer: a retry is sent when the test flushes, as a scheduler would.
  SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
  MAIL_FROM: "Gatehouse <gatehouse@example.test>",
  MAIL_RETRY_SECONDS: Array(30).fill("1").join(","),
  MAIL_FLUSH_INTERVAL_SECONDS: "0",
  MAIL_FLUSH_SECRET: E2E_MAIL_FLUSH_SECRET,
};
