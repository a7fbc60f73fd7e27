import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** The bench's own build: the floor page exists only there (see next.config.mjs). */
export const BENCH_DIST = ".next-bench";
const BENCH_ENV = { GATEHOUSE_BENCH: "1" };
const SOURCES = ["app", "components", "lib", "middleware.ts", "next.config.mjs", "instrumentation.ts", "package-lock.json"];

/** Ports come from BENCH_PORT (default 3100); servers run one at a time on it. */
export const BENCH_PORT = Number(process.env.BENCH_PORT ?? 3100);

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(p).map((name) => newestMtime(path.join(p, name))));
}

/** Builds the app with the bench flag unless an up-to-date bench build exists (or `force`). */
export function ensureBuild(force: boolean, cwd = "."): void {
  const marker = path.join(cwd, BENCH_DIST, "BUILD_ID");
  const stale = !fs.existsSync(marker) || fs.statSync(marker).mtimeMs < Math.max(...SOURCES.map((p) => newestMtime(path.join(cwd, p))));
  if (!force && !stale) return;
  process.stderr.write(`Building ${path.resolve(cwd)} with the bench floor into ${BENCH_DIST}/…\n`);
  execFileSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { cwd, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, ...BENCH_ENV } });
}

export interface BenchServer {
  url: string;
  pid: number;
  stop: () => Promise<void>;
}

/**
 * Starts `next start` on BENCH_PORT against the given database (a DATABASE_URL). With
 * BENCH_CPU_PROF=<dir> the server runs under `node --cpu-prof` and writes a
 * .cpuprofile there when stopped.
 */
export async function startServer(databaseUrl: string, extraEnv: Record<string, string> = {}, { cwd, port = BENCH_PORT }: { /** Another checkout's bench build (bench/compare.ts). */ cwd?: string; port?: number } = {}): Promise<BenchServer> {
  const url = `http://localhost:${port}`;
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, "node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    cwd,
    env: {
      ...process.env,
      ...BENCH_ENV,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: "bench-only-secret-0123456789abcdef0123456789abcdef",
      AUTH_TRUST_HOST: "true",
      // The storm sends many sign-ins from one address on purpose.
      LOGIN_IP_MAX_FAILURES: "100000",
      ...extraEnv,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d) => (stderr += String(d)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited: ${stderr}`);
    try {
      if ((await fetch(`${url}/login`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`next start did not answer on ${url} within 60 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        // SIGINT lets --cpu-prof write its profile.
        child.kill(profile.length ? "SIGINT" : "SIGTERM");
      }),
  };
}

/** Signs in through the Auth.js endpoint and returns the Cookie header of the session. */
export async function signInCookie(url: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [name, ...rest] = pair!.split("=");
      jar.set(name!.trim(), rest.join("="));
    }
  };
  keep(csrfRes);
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/" }),
  });
  keep(res);
  const session = [...jar].find(([k]) => k.includes("session-token"));
  if (!session) throw new Error(`sign-in failed (${res.status} ${res.headers.get("location")})`);
  return `${session[0]}=${session[1]}`;
}

/** Resident set size of a process in MB, from /proc. */
export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU time (user + system, all threads) the process has used so far, in ms, from /proc/<pid>/stat. */
export function cpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}
