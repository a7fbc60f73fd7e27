export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installSocketAddressHook } = await import("./lib/net/socket-address-hook");
    installSocketAddressHook();
    const { checkDatabaseAtStartup } = await import("./lib/db/startup-check");
    await checkDatabaseAtStartup();
    // Sign-in throttle counts live in the database, shared by every instance on it.
    const [{ setThrottleStore }, { databaseLimiter }] = await Promise.all([import("./lib/auth/throttle"), import("./lib/db/rate-limit-store")]);
    setThrottleStore((options) => databaseLimiter(options));
  }
}
