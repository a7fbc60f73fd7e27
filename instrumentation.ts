export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installSocketAddressHook } = await import("./lib/net/socket-address-hook");
    installSocketAddressHook();
    const { checkDatabaseAtStartup } = await import("./lib/db/startup-check");
    await checkDatabaseAtStartup();
  }
}
