import os from "node:os";
import { Worker } from "node:worker_threads";
import { env } from "../env";

/**
 * bcrypt runs in worker threads so that sign-ins never block the event loop:
 * a storm of sign-ins queues here while pages keep rendering. One worker per
 * core but one (at least one), each running bcryptjs synchronously.
 * Sign-in checks wait in a bounded queue: past BCRYPT_MAX_QUEUE waiting jobs
 * they are refused at once (BcryptBusy) rather than queueing without end,
 * so that a burst of guesses cannot make everyone's sign-in wait minutes.
 */

/** The queue of sign-in checks is full: answer "try again shortly". */
export class BcryptBusy extends Error {
  constructor() {
    super("Password checks are queued to capacity.");
  }
}

type Job = { op: "hash"; password: string; cost: number } | { op: "compare"; password: string; hash: string };
interface Pending {
  resolve: (value: string | boolean) => void;
  reject: (error: Error) => void;
}

// bcryptjs is resolved from the app's node_modules at run time, outside the bundler.
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const bcrypt = require("bcryptjs");
parentPort.on("message", ({ id, job }) => {
  try {
    const value = job.op === "hash" ? bcrypt.hashSync(job.password, job.cost) : bcrypt.compareSync(job.password, job.hash);
    parentPort.postMessage({ id, value });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) });
  }
});
`;

class BcryptPool {
  private workers: Worker[] = [];
  private idle: Worker[] = [];
  private queue: { id: number; job: Job }[] = [];
  private pending = new Map<number, Pending>();
  private nextId = 1;
  private crashes = 0;
  private busy = new Map<Worker, Map<number, Pending>>();

  constructor(size: number) {
    for (let i = 0; i < size; i++) this.spawn();
  }

  private spawn(): void {
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.on("message", ({ id, value, error }: { id: number; value?: string | boolean; error?: string }) => {
      const p = this.pending.get(id);
      this.pending.delete(id);
      this.busy.delete(worker);
      if (error) p?.reject(new Error(error));
      else p?.resolve(value!);
      this.release(worker);
    });
    worker.on("error", (error) => {
      // A crashed worker's jobs fail; a new worker takes its place for the next ones.
      for (const [id, p] of this.busy.get(worker) ?? []) {
        this.pending.delete(id);
        p.reject(error);
      }
      this.busy.delete(worker);
      this.workers = this.workers.filter((w) => w !== worker);
      this.idle = this.idle.filter((w) => w !== worker);
      if (this.crashes++ < 10) this.spawn();
    });
    // Idle workers must not keep the process alive (scripts, tests).
    worker.unref();
    this.workers.push(worker);
    this.idle.push(worker);
  }

  private dispatch(worker: Worker, item: { id: number; job: Job }): void {
    this.busy.set(worker, new Map([[item.id, this.pending.get(item.id)!]]));
    worker.ref();
    worker.postMessage(item);
  }

  private release(worker: Worker): void {
    const next = this.queue.shift();
    if (next) return this.dispatch(worker, next);
    worker.unref();
    this.idle.push(worker);
  }

  run<T extends string | boolean>(job: Job, maxQueue = Infinity): Promise<T> {
    if (this.idle.length === 0 && this.queue.length >= maxQueue) return Promise.reject(new BcryptBusy());
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: string | boolean) => void, reject });
      const worker = this.idle.pop();
      if (worker) this.dispatch(worker, { id, job });
      else this.queue.push({ id, job });
    });
  }
}

const g = globalThis as unknown as { gatehouseBcrypt?: BcryptPool };

function pool(): BcryptPool {
  g.gatehouseBcrypt ??= new BcryptPool(Math.max(1, Math.min(4, os.availableParallelism() - 1)));
  return g.gatehouseBcrypt;
}

export function hashInPool(password: string, cost: number): Promise<string> {
  return pool().run<string>({ op: "hash", password, cost });
}

/** Compares in the pool; `bounded` refuses with BcryptBusy when the queue is full. */
export function compareInPool(password: string, hash: string, bounded = false): Promise<boolean> {
  return pool().run<boolean>({ op: "compare", password, hash }, bounded ? env.BCRYPT_MAX_QUEUE : Infinity);
}
