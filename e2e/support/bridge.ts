import path from "node:path";
import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";
import { E2E_ENV } from "../env";

/**
 * A synchronous call into one worker thread per test process (bridge-worker.mjs),
 * which keeps its PostgreSQL connection and the CLI's database handle open
 * between calls. Tests stay synchronous (like SQLite's driver) without paying
 * for a new Node process per query or CLI run.
 */
interface Bridge {
  worker: Worker;
  port: import("node:worker_threads").MessagePort;
  flag: Int32Array;
}
let bridge: Bridge | null = null;

function open(): Bridge {
  const signal = new SharedArrayBuffer(4);
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(path.resolve("e2e/support/bridge-worker.mjs"), {
    workerData: { port: port2, signal },
    transferList: [port2],
    // The CLI reads its settings from the environment: the e2e server's, in test mode.
    env: { ...process.env, ...E2E_ENV, NODE_ENV: "test" },
  });
  worker.unref();
  port1.unref();
  return { worker, port: port1, flag: new Int32Array(signal) };
}

export function callBridge<T>(message: Record<string, unknown>): T {
  bridge ??= open();
  Atomics.store(bridge.flag, 0, 0);
  bridge.worker.postMessage(message);
  // Two minutes: longer than any CLI run or query a test makes.
  if (Atomics.wait(bridge.flag, 0, 0, 120_000) === "timed-out") throw new Error("The e2e bridge worker did not answer.");
  const reply = receiveMessageOnPort(bridge.port)?.message as { ok: true; value: T } | { ok: false; error: string } | undefined;
  if (!reply) throw new Error("The e2e bridge worker answered nothing.");
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
