import autocannon from "autocannon";

export interface LoadResult {
  rps: number;
  p50_ms: number;
  p99_ms: number;
  errors: number;
}

/** Drives GET requests over loopback for `seconds` with 16 connections (after a short warm-up). */
export async function load(url: string, cookie: string, seconds: number, pathFor?: () => string): Promise<LoadResult> {
  const run = (duration: number) =>
    autocannon({
      url,
      connections: 16,
      duration,
      headers: { cookie },
      requests: pathFor ? [{ setupRequest: (req) => ({ ...req, path: pathFor() }) }] : undefined,
    });
  await run(1);
  const r = await run(seconds);
  return {
    rps: Math.round(r.requests.average * 10) / 10,
    p50_ms: r.latency.p50,
    p99_ms: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
  };
}
