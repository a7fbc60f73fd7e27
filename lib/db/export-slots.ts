import { env } from "../env";

/** Thrown when every export slot is taken: the caller answers "try again shortly". */
export class TooManyExports extends Error {
  constructor() {
    super("Too many exports are running; try again shortly.");
    this.name = "TooManyExports";
  }
}

const g = globalThis as unknown as { gatehouseExportsRunning?: { count: number } };
const running = (g.gatehouseExportsRunning ??= { count: 0 });

/**
 * Takes one of EXPORT_MAX_CONCURRENT slots (each export holds a database
 * connection and a share of the CPU for its whole length), or throws
 * TooManyExports. The returned function gives the slot back; calling it again
 * does nothing.
 */
export function takeExportSlot(): () => void {
  if (running.count >= env.EXPORT_MAX_CONCURRENT) throw new TooManyExports();
  running.count++;
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    running.count--;
  };
}
