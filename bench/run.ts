// npm run bench: builds (or reuses) the app, seeds the bench databases, and
// measures the list scenarios at N items and at 1,000, sign-in, the sign-in
// storm, export streaming and first-load JavaScript. Prints one table and
// writes bench/results/latest.json.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import bcrypt from "bcryptjs";
import { encodeCursor } from "../lib/resources/engine/params";
import { BENCH_ADMIN, benchItem, ensureBenchDb } from "./dataset";
import { load, type LoadResult } from "./load";
import { rssMb, signInCookie, startServer, type BenchServer } from "./server";

const N = Number(process.env.BENCH_ITEMS ?? 1_000_000);
const SMALL = 1_000;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const COST = Number(process.env.BCRYPT_COST ?? 12);
const OUT = "bench/results/latest.json";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The deep page starts at row offset 500,000 (half the table when it is
 * smaller), reached the way the list's "Next" link reaches it: by a keyset
 * cursor naming the last row of the page before. In the default order
 * (newest first) the row at offset k is item n - k.
 */
function deepCursor(n: number): string {
  const offset = Math.min(500_000, Math.floor(n / 2));
  const before = benchItem(n - (offset - 1));
  return encodeCursor({ value: before.createdAt, id: n - (offset - 1) });
}

function scenarios(n: number): { name: string; path: string | (() => string) }[] {
  return [
    { name: "list-page-1", path: "/admin/items?per=50" },
    { name: "deep-page", path: `/admin/items?per=50&after=${deepCursor(n)}` },
    { name: "search-foo", path: "/admin/items?per=50&q=foo" },
    { name: "search-foo-page-20", path: "/admin/items?per=50&q=foo&page=20" },
    { name: "sort-price-desc", path: "/admin/items?per=50&sort=-price" },
    { name: "filter-books-10-20", path: "/admin/items?per=50&category=books&price_min=10&price_max=20" },
    { name: "details-random", path: () => `/admin/items/${1 + Math.floor(Math.random() * n)}` },
  ];
}

async function runScenarios(server: BenchServer, cookie: string, n: number) {
  const out: Record<string, LoadResult> = {};
  for (const s of scenarios(n)) {
    process.stderr.write(`  ${s.name} (N=${n.toLocaleString("en-US")})…\n`);
    out[s.name] = typeof s.path === "string" ? await load(`${server.url}${s.path}`, cookie, SECONDS) : await load(server.url, cookie, SECONDS, s.path);
  }
  return out;
}

async function timeExport(server: BenchServer, cookie: string, query: string): Promise<{ ms: number; bytes: number; peakRss: number }> {
  let peak = rssMb(server.pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(server.pid))), 20);
  const started = performance.now();
  const res = await fetch(`${server.url}/admin/items/export${query}`, { headers: { cookie } });
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
  for (const src of srcs) total += zlib.gzipSync(Buffer.from(await (await fetch(new URL(src, server.url))).arrayBuffer())).length;
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
  if (!fs.existsSync(".next/BUILD_ID") || process.argv.includes("--build")) {
    process.stderr.write("Building the app…\n");
    execFileSync("npx", ["next", "build"], { stdio: "inherit" });
  }
  fs.mkdirSync("bench/results", { recursive: true });
  const hash = await bcrypt.hash(BENCH_ADMIN.password, COST);
  const bigFile = path.resolve(`data/bench-${N}.db`);
  const smallFile = path.resolve(`data/bench-${SMALL}.db`);
  process.stderr.write(`Bench database with ${N.toLocaleString("en-US")} items…\n`);
  const seeded = await ensureBenchDb(bigFile, N, hash);
  process.stderr.write(seeded.reused ? "  reused\n" : `  seeded in ${seeded.seconds.toFixed(1)} s\n`);
  await ensureBenchDb(smallFile, SMALL, hash);

  // N = 1,000 first: the reference for "the table's size must barely matter".
  let server = await startServer(smallFile, { BCRYPT_COST: String(COST) });
  let cookie = await signInCookie(server.url, BENCH_ADMIN.email, BENCH_ADMIN.password);
  process.stderr.write("Floor (50 hard-coded rows, no database)…\n");
  const floor = await load(`${server.url}/bench-floor`, cookie, SECONDS);
  const small = await runScenarios(server, cookie, SMALL);
  await server.stop();

  server = await startServer(bigFile, { BCRYPT_COST: String(COST) });
  cookie = await signInCookie(server.url, BENCH_ADMIN.email, BENCH_ADMIN.password);
  const big = await runScenarios(server, cookie, N);

  process.stderr.write("Sign-in latency and the sign-in storm…\n");
  const signin = await signInTimes(server.url, 20);
  const compare: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await bcrypt.compare(BENCH_ADMIN.password, hash);
    compare.push(performance.now() - t);
  }
  let storming = true;
  const storm = Array.from({ length: 10 }, async () => {
    while (storming) await signInCookie(server.url, BENCH_ADMIN.email, BENCH_ADMIN.password).catch(() => undefined);
  });
  const underStorm = await load(`${server.url}/admin/items?per=50`, cookie, SECONDS);
  storming = false;
  await Promise.all(storm);

  process.stderr.write("Export…\n");
  const filtered = await timeExport(server, cookie, "?category=books&price_min=10&price_max=20");
  const baseline = rssMb(server.pid);
  const full = await timeExport(server, cookie, "");
  const jsKb = await firstLoadJsKb(server, cookie);
  const rssAfter = rssMb(server.pid);
  await server.stop();

  const rows = Object.entries(big).map(([name, r]) => ({
    name,
    ...r,
    ratio_floor: Math.round((r.rps / floor.rps) * 100) / 100,
    ratio_small: Math.round((r.rps / small[name]!.rps) * 100) / 100,
  }));
  const result = {
    items: N,
    seconds_per_scenario: SECONDS,
    machine: { cpus: (await import("node:os")).cpus().length, node: process.version },
    floor,
    scenarios: rows,
    signin_p50_ms: Math.round(median(signin)),
    bcrypt_compare_ms: Math.round(median(compare)),
    list_p99_ms: big["list-page-1"]!.p99_ms,
    storm_p99_ms: underStorm.p99_ms,
    storm_p99_ratio: Math.round((underStorm.p99_ms / Math.max(1, big["list-page-1"]!.p99_ms)) * 100) / 100,
    export_filtered_ms: Math.round(filtered.ms),
    export_all_ms: Math.round(full.ms),
    export_all_bytes: full.bytes,
    export_rss_growth_mb: Math.round((full.peakRss - baseline) * 10) / 10,
    server_rss_after_mb: Math.round(rssAfter),
    first_load_js_kb: jsKb,
  };
  fs.writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);

  const pad = (s: string | number, w: number) => String(s).padStart(w);
  console.log(`\nGatehouse bench: ${N.toLocaleString("en-US")} items, ${SECONDS} s per scenario, 16 connections`);
  console.log(`${"scenario".padEnd(22)}${pad("req/s", 9)}${pad("p50 ms", 8)}${pad("p99 ms", 8)}${pad("errors", 8)}${pad("÷floor", 8)}${pad("÷1k", 7)}`);
  console.log(`${"floor".padEnd(22)}${pad(floor.rps, 9)}${pad(floor.p50_ms, 8)}${pad(floor.p99_ms, 8)}${pad(floor.errors, 8)}${pad("1.00", 8)}${pad("-", 7)}`);
  for (const r of rows) console.log(`${r.name.padEnd(22)}${pad(r.rps, 9)}${pad(r.p50_ms, 8)}${pad(r.p99_ms, 8)}${pad(r.errors, 8)}${pad(r.ratio_floor.toFixed(2), 8)}${pad(r.ratio_small.toFixed(2), 7)}`);
  console.log(`sign-in p50 ${result.signin_p50_ms} ms (one bcrypt compare at cost ${COST}: ${result.bcrypt_compare_ms} ms)`);
  console.log(`list p99 ${result.list_p99_ms} ms alone, ${result.storm_p99_ms} ms during 10 concurrent sign-ins (×${result.storm_p99_ratio})`);
  console.log(`export: filtered ${result.export_filtered_ms} ms; all ${N.toLocaleString("en-US")} rows ${result.export_all_ms} ms, ${(full.bytes / 1e6).toFixed(1)} MB, RSS +${result.export_rss_growth_mb} MB`);
  console.log(`server RSS after the run ${result.server_rss_after_mb} MB; first-load JS of the list page ${jsKb} KB gzip`);
  console.log(`written to ${OUT}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
