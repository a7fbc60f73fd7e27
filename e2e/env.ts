/** Settings shared by the e2e server, its database preparation and the tests. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_DB_FILE = "data/e2e-test.db";

export const E2E_ENV: Record<string, string> = {
  DATABASE_URL: `file:./${E2E_DB_FILE}`,
  AUTH_SECRET: "e2e-only-secret-0123456789abcdef0123456789abcdef",
  AUTH_TRUST_HOST: "true",
  BCRYPT_COST: "10",
  // Attack tests choose their client address with X-Forwarded-For, so that
  // throttling one address does not lock out the browser tests on ::1. One
  // trusted proxy: the rightmost entry is the client's, so tests send one entry
  // (or put made-up ones in front of it, to show they are ignored).
  TRUST_PROXY: "true",
  // Only the two-factor tests create and grant this role, so the rule touches no other test.
  REQUIRE_2FA_ROLES: "two-factor-required",
};
