// npm run bench: builds (or reuses) the bench build, seeds the bench databases,
// and measures every page at N items and at 1,000 against the bare floor page,
// then sign-in, the sign-in storm, export streaming and first-load JavaScript.
// Prints one table and writes bench/results/latest.json.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import bcrypt from "bcryptjs";
import { BENCH_ADMIN, ensureBenchDb } from "./dataset";
import { ensureBenchPostgres } from "./dataset-postgres";
import { load, type LoadResult } from "./load";
import { compare, table } from "./report";
import { scenarios, selected } from "./scenarios";
import { ensureBuild, rssMb, signInCookie, startServer, type BenchServer } from "./server";

const N = Number(process.env.BENCH_ITEMS ?? 1_000_000);
const SMALL = 1_000;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const COST = Number(process.env.BCRYPT_COST ?? 12);
/** `npm run bench -- --db postgres`: the same scenarios on PostgreSQL (TEST_DATABASE_URL's server). */
const DB = process.argv.includes("--db") ? process.argv[process.argv.indexOf("--db") + 1] : "sqlite";
if (DB !== "sqlite" && DB !== "postgres") throw new Error(`--db takes sqlite or postgres, not ${DB}`);
const OUT = DB === "postgres" ? "bench/results/latest-postgres.json" : "bench/results/latest.json";

/** A bench database with `n` items and the bench admin: its DATABASE_URL. */
async function benchDatabase(n: number, hash: string): Promise<{ url: string; reused: boolean; seconds: number }> {
  if (DB === "postgres") return ensureBenchPostgres(n, hash);
  const file = path.resolve(`data/bench-${n}.db`);
  return { url: `file:${file}`, ...(await ensureBenchDb(file, n, hash)) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const freshCookie = (server: BenchServer) => signInCookie(server.url, BENCH_ADMIN.email, BENCH_ADMIN.password);

async function runScenarios(server: BenchServer, n: number) {
  const out: Record<string, LoadResult> = {};
  for (const s of selected(scenarios(n))) {
    process.stderr.write(`  ${s.name} (N=${n.toLocaleString("en-US")})…\n`);
    // A new session for each scenario, so that no run outlives the cookie's
    // refresh age (the load generator ignores Set-Cookie).
    const cookie = await freshCookie(server);
    const options = { cookie: s.anonymous ? undefined : cookie, seconds: SECONDS, pid: server.pid };
    out[s.name] = typeof s.path === "string" ? await load(`${server.url}${s.path}`, options) : await load(server.url, { ...options, pathFor: s.path });
  }
  return out;
}

async function timeExport(server: BenchServer, cookie: string, query: string): Promise<{ ms: number; bytes: number; peakRss: number }> {
  let peak = rssMb(server.pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(server.pid))), 20);
  const started = performance.now();
  const res = await fetch(`${server.url}/admin/items/export${query}`, { headers: { cookie } });
  if (!res.ok) throw new Error(`the export${query} answered ${res.status}`);
  let bytes = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
  const ms = performance.now() - started;
  clearInterval(timer);
  return { ms, bytes, peakRss: peak };
}

async function firstLoadJsKb(server: BenchServer, cookie: string): Promise<number> {
  const html = await (await fetch(`${server.url}/admin/items?per=50`, { headers: { cookie } })).text();
  // Module-capable browsers skip the noModule polyfill chunk, so it is not counted.
  const tags = [...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"[^>]*>/g)].filter((m) => !/nomodule/i.test(m[0]));
  const srcs = [...new Set(tags.map((m) => m[1]!))];
  let total = 0;
  for (const src of srcs) {
    const res = await fetch(new URL(src, server.url));
    if (!res.ok) throw new Error(`${src} answered ${res.status}`);
    total += zlib.gzipSync(Buffer.from(await res.arrayBuffer())).length;
  }
  return Math.round((total / 1024) * 10) / 10;
}

async function signInTimes(url: string, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await signInCookie(url, BENCH_ADMIN.email, BENCH_ADMIN.password);
    times.push(performance.now() - t);
  }
  return times;
}

async function main() {
  ensureBuild(process.argv.includes("--build"));
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  const hash = await bcrypt.hash(BENCH_ADMIN.password, COST);
  process.stderr.write(`Bench database (${DB}) with ${N.toLocaleString("en-US")} items…\n`);
  const bigDb = await benchDatabase(N, hash);
  process.stderr.write(bigDb.reused ? "  reused\n" : `  seeded in ${bigDb.seconds.toFixed(1)} s\n`);
  const smallDb = await benchDatabase(SMALL, hash);

  // N = 1,000 first: the reference for "the table's size must barely matter".
  let server = await startServer(smallDb.url, { BCRYPT_COST: String(COST) });
  process.stderr.write("Floor (bare markup, no session, no database, no middleware)…\n");
  const floor = await load(`${server.url}/bench-floor`, { seconds: SECONDS, pid: server.pid });
  const small = await runScenarios(server, SMALL);
  await server.stop();

  server = await startServer(bigDb.url, { BCRYPT_COST: String(COST) });
  const big = await runScenarios(server, N);

  process.stderr.write("Sign-in latency and the sign-in storm…\n");
  const signin = await signInTimes(server.url, 20);
  const compareTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await bcrypt.compare(BENCH_ADMIN.password, hash);
    compareTimes.push(performance.now() - t);
  }
  const cookie = await freshCookie(server);
  let storming = true;
  const storm = Array.from({ length: 10 }, async () => {
    while (storming) await signInCookie(server.url, BENCH_ADMIN.email, BENCH_ADMIN.password).catch(() => undefined);
  });
  const underStorm = await load(`${server.url}/admin/items?per=50`, { cookie, seconds: SECONDS, pid: server.pid });
  storming = false;
  await Promise.all(storm);

  process.stderr.write("Export…\n");
  const filtered = await timeExport(server, cookie, "?category=books&price_min=10&price_max=20");
  const baseline = rssMb(server.pid);
  const full = await timeExport(server, cookie, "");
  const jsKb = await firstLoadJsKb(server, cookie);
  const rssAfter = rssMb(server.pid);
  await server.stop();

  const rows = [compare("floor", floor, floor), ...Object.entries(big).map(([name, r]) => compare(name, r, floor, small[name]))];
  const listP99 = big["list-page-1"]?.p99_ms ?? underStorm.p99_ms;
  const result = {
    database: DB,
    items: N,
    seconds_per_scenario: SECONDS,
    machine: { cpus: os.cpus().length, node: process.version },
    scenarios: rows,
    small: Object.entries(small).map(([name, r]) => compare(name, r, floor)),
    signin_p50_ms: Math.round(median(signin)),
    bcrypt_compare_ms: Math.round(median(compareTimes)),
    list_p99_ms: listP99,
    storm_p99_ms: underStorm.p99_ms,
    storm_p99_ratio: Math.round((underStorm.p99_ms / Math.max(1, listP99)) * 100) / 100,
    export_filtered_ms: Math.round(filtered.ms),
    export_all_ms: Math.round(full.ms),
    export_all_bytes: full.bytes,
    export_rss_growth_mb: Math.round((full.peakRss - baseline) * 10) / 10,
    server_rss_after_mb: Math.round(rssAfter),
    first_load_js_kb: jsKb,
  };
  fs.writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);

  console.log(`\nGatehouse bench on ${DB === "postgres" ? "PostgreSQL" : "SQLite"}: ${N.toLocaleString("en-US")} items, ${SECONDS} s per scenario, 16 connections, ${os.cpus().length} CPUs, Node ${process.version}`);
  console.log(table(rows));
  console.log(`sign-in p50 ${result.signin_p50_ms} ms (one bcrypt compare at cost ${COST}: ${result.bcrypt_compare_ms} ms)`);
  console.log(`list p99 ${result.list_p99_ms} ms alone, ${result.storm_p99_ms} ms during 10 concurrent sign-ins (×${result.storm_p99_ratio})`);
  console.log(`export: filtered ${result.export_filtered_ms} ms; all ${N.toLocaleString("en-US")} rows ${result.export_all_ms} ms, ${(full.bytes / 1e6).toFixed(1)} MB, RSS +${result.export_rss_growth_mb} MB`);
  console.log(`server RSS after the run ${result.server_rss_after_mb} MB; first-load JS of the list page ${jsKb} KB gzip`);
  console.log(`written to ${OUT}`);
  // Figures from a run with failed requests measure the failures: the run fails.
  const counts = [
    ...rows.map((r) => [r.name, r.errors] as const),
    ...Object.entries(small).map(([name, r]) => [`${name} at ${SMALL.toLocaleString("en-US")} items`, r.errors] as const),
    ["list-page-1 during the sign-in storm", underStorm.errors] as const,
  ];
  const failed = counts.filter(([, errors]) => errors > 0);
  if (failed.length) {
    console.error(`Requests failed (errors, timeouts or non-2xx answers) in: ${failed.map(([name, errors]) => `${name} (${errors})`).join(", ")}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
