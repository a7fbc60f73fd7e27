import { env } from "../env";
import { sendSoon } from "./flush";

const g = globalThis as unknown as { gatehouseMailTimer?: NodeJS.Timeout };

/** Sends what is due every MAIL_FLUSH_INTERVAL_SECONDS in a running server (none at 0); never keeps the process alive. */
export function startMailTimer(): void {
  if (g.gatehouseMailTimer || env.MAIL_FLUSH_INTERVAL_SECONDS === 0) return;
  g.gatehouseMailTimer = setInterval(() => void sendSoon(), env.MAIL_FLUSH_INTERVAL_SECONDS * 1000);
  g.gatehouseMailTimer.unref();
}
