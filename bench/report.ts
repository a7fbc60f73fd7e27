import type { LoadResult } from "./load";

export interface Row extends LoadResult {
  name: string;
  /** req/s divided by the floor's. */
  ratio_floor: number;
  /** CPU per request divided by the floor's. */
  cpu_vs_floor: number;
  /** req/s divided by the same scenario's on 1,000 items. */
  ratio_small: number | null;
}

const r2 = (x: number) => Math.round(x * 100) / 100;

export function compare(name: string, r: LoadResult, floor: LoadResult, small?: LoadResult): Row {
  return { name, ...r, ratio_floor: r2(r.rps / floor.rps), cpu_vs_floor: r2(r.cpu_ms / floor.cpu_ms), ratio_small: small ? r2(r.rps / small.rps) : null };
}

const COLUMNS: [string, number, (r: Row) => string][] = [
  ["req/s", 8, (r) => String(r.rps)],
  ["p50 ms", 8, (r) => String(r.p50_ms)],
  ["p99 ms", 8, (r) => String(r.p99_ms)],
  ["CPU ms", 8, (r) => r.cpu_ms.toFixed(1)],
  ["KB", 7, (r) => (r.bytes / 1024).toFixed(1)],
  ["÷floor", 8, (r) => r.ratio_floor.toFixed(2)],
  ["CPU×fl", 8, (r) => r.cpu_vs_floor.toFixed(2)],
  ["÷1k", 6, (r) => (r.ratio_small === null ? "-" : r.ratio_small.toFixed(2))],
  ["errors", 7, (r) => String(r.errors)],
];

/** One line per scenario; CPU ms is the server's CPU per request, KB the bytes per response. */
export function table(rows: Row[]): string {
  const head = `${"scenario".padEnd(20)}${COLUMNS.map(([h, w]) => h.padStart(w)).join("")}`;
  const lines = rows.map((r) => `${r.name.padEnd(20)}${COLUMNS.map(([, w, f]) => f(r).padStart(w)).join("")}`);
  return [head, ...lines].join("\n");
}
