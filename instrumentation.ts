export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installSocketAddressHook } = await import("./lib/net/socket-address-hook");
    installSocketAddressHook();
    await stopUnlessReady();
    // Sign-in throttle counts live in the database, shared by every instance on it.
    const [{ setThrottleStore }, { databaseLimiter }] = await Promise.all([import("./lib/auth/throttle"), import("./lib/db/rate-limit-store")]);
    setThrottleStore((options) => databaseLimiter(options));
    // Mails whose retry is due go out without waiting for the next change (MAIL_FLUSH_INTERVAL_SECONDS=0: only on demand).
    const { startMailTimer } = await import("./lib/mail/timer");
    startMailTimer();
  }
}

/**
 * A server that cannot serve (bad settings, no database) stops here with one
 * line naming the setting and the cause and a non-zero exit, instead of
 * answering every request with a 500.
 */
async function stopUnlessReady() {
  let problem: string | null;
  try {
    const { startupProblem } = await import("./lib/db/startup-check");
    problem = await startupProblem();
  } catch (error) {
    // An invalid environment (lib/env) lists each setting on its own line.
    problem = (error instanceof Error ? error.message : String(error)).replace(/\n\s*/g, " ");
  }
  if (problem) {
    process.stderr.write(`Gatehouse cannot start: ${problem}\n`);
    process.exit(1);
  }
}
