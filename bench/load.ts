import autocannon from "autocannon";
import { cpuMs } from "./server";

export interface LoadResult {
  rps: number;
  p50_ms: number;
  p99_ms: number;
  errors: number;
  /** Server CPU (user + system) per request, ms. */
  cpu_ms: number;
  /** Bytes on the wire per response (headers and body, uncompressed). */
  bytes: number;
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Drives GET requests over loopback for `seconds` with 16 connections (after
 * a one-second warm-up) and reads the server's CPU time around the run.
 */
export async function load(url: string, { cookie, seconds, pid, pathFor }: { cookie?: string; seconds: number; pid: number; pathFor?: () => string }): Promise<LoadResult> {
  const run = (duration: number) =>
    autocannon({
      url,
      connections: 16,
      duration,
      // What a browser sends with a page load (middleware does less for it).
      headers: { "sec-fetch-dest": "document", ...(cookie ? { cookie } : {}) },
      requests: pathFor ? [{ setupRequest: (req) => ({ ...req, path: pathFor() }) }] : undefined,
    });
  await run(1);
  const cpuBefore = cpuMs(pid);
  const r = await run(seconds);
  const cpu = cpuMs(pid) - cpuBefore;
  const done = Math.max(1, r.requests.total);
  return {
    rps: round(r.requests.average),
    p50_ms: r.latency.p50,
    p99_ms: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
    cpu_ms: round(cpu / done, 2),
    bytes: Math.round(r.throughput.total / done),
  };
}
