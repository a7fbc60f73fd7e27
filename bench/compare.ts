import bcrypt from "bcryptjs";
import fs from "node:fs";
import path from "node:path";
import { BENCH_ADMIN, ensureBenchDb } from "./dataset";
import { BENCH_PORT, cpuMs, ensureBuild, signInCookie, startServer, type BenchServer } from "./server";

/**
 * `npm run bench:compare -- <other checkout> [page …]`: the server CPU per
 * request of this checkout's pages against the same pages of another checkout
 * (a `git worktree add <dir> <commit>` with its own node_modules), both served
 * at once and measured in alternating rounds, so that a busy or drifting
 * machine weighs on both alike. It is how a change's cost is judged ("lookups
 * may add at most 5% to the list"): the floor is the other build's own page.
 *
 * BENCH_COMPARE_ROUNDS (default 30) rounds of BENCH_COMPARE_REQUESTS (default
 * 60) sequential requests per page and server, after 150 warm-up requests;
 * BENCH_COMPARE_ITEMS (default 20,000) items, in one SQLite database per checkout.
 */

const ROUNDS = Number(process.env.BENCH_COMPARE_ROUNDS ?? 30);
const PER_ROUND = Number(process.env.BENCH_COMPARE_REQUESTS ?? 60);
const ITEMS = Number(process.env.BENCH_COMPARE_ITEMS ?? 20_000);
const WARM_UP = 150;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2;
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

interface Side {
  name: string;
  dir: string;
  server?: BenchServer;
  cookie?: string;
}

async function get(side: Side, page: string): Promise<void> {
  const res = await fetch(side.server!.url + page, { headers: { cookie: side.cookie!, "sec-fetch-dest": "document" } });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${side.name} answered ${page} with ${res.status}`);
}

/** CPU ms per request of each side, per round; the sides take turns going first. */
async function measure(sides: [Side, Side], page: string): Promise<[number[], number[]]> {
  for (let i = 0; i < WARM_UP; i++) for (const side of sides) await get(side, page);
  const rounds: [number[], number[]] = [[], []];
  for (let r = 0; r < ROUNDS; r++) {
    for (const i of r % 2 ? [1, 0] : [0, 1]) {
      const before = cpuMs(sides[i]!.server!.pid);
      for (let k = 0; k < PER_ROUND; k++) await get(sides[i]!, page);
      rounds[i]!.push((cpuMs(sides[i]!.server!.pid) - before) / PER_ROUND);
    }
  }
  return rounds;
}

async function main() {
  const [other, ...pages] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  if (!other || !fs.existsSync(path.join(other, "node_modules/next"))) {
    process.stderr.write("usage: npm run bench:compare -- <other checkout, with node_modules> [page …]\n");
    process.exit(2);
  }
  const sides: [Side, Side] = [
    { name: "other", dir: path.resolve(other) },
    { name: "this", dir: path.resolve(".") },
  ];
  const hash = await bcrypt.hash(BENCH_ADMIN.password, 4);
  try {
    for (const [i, side] of sides.entries()) {
      ensureBuild(process.argv.includes("--build"), side.dir);
      const file = path.resolve(`data/bench-compare-${side.name}-${ITEMS}.db`);
      await ensureBenchDb(file, ITEMS, hash);
      side.server = await startServer(`file:${file}`, {}, { cwd: side.dir, port: BENCH_PORT + i });
      side.cookie = await signInCookie(side.server.url, BENCH_ADMIN.email, BENCH_ADMIN.password);
    }
    process.stdout.write(`Server CPU per request, ms: ${ROUNDS} alternating rounds of ${PER_ROUND} requests, ${ITEMS.toLocaleString("en-US")} items\n`);
    process.stdout.write(`other: ${sides[0].dir}\nthis:  ${sides[1].dir}\n\n`);
    process.stdout.write(`${"page".padEnd(32)} ${"other median".padStart(12)} ${"this median".padStart(12)} ${"this/other".padStart(10)} ${"by sums".padStart(8)}\n`);
    for (const page of pages.length ? pages : ["/admin/items?per=50", "/bench-floor"]) {
      const [a, b] = await measure(sides, page);
      const change = (x: number) => `${x >= 1 ? "+" : ""}${((x - 1) * 100).toFixed(1)}%`;
      const perRound = median(b.map((x, r) => x / a[r]!));
      process.stdout.write(`${page.padEnd(32)} ${median(a).toFixed(2).padStart(12)} ${median(b).toFixed(2).padStart(12)} ${change(perRound).padStart(10)} ${change(sum(b) / sum(a)).padStart(8)}\n`);
    }
  } finally {
    await Promise.all(sides.map((side) => side.server?.stop()));
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
