import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";

export interface BenchServer {
  url: string;
  pid: number;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Starts `next start` on a free local port against the given database. */
export async function startServer(databaseFile: string, extraEnv: Record<string, string> = {}): Promise<BenchServer> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const child: ChildProcess = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: `file:${databaseFile}`,
      AUTH_SECRET: "bench-only-secret-0123456789abcdef0123456789abcdef",
      AUTH_TRUST_HOST: "true",
      // The storm sends many sign-ins from one address on purpose.
      LOGIN_IP_MAX_FAILURES: "100000",
      GATEHOUSE_BENCH_FLOOR: "1",
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
    if (Date.now() > deadline) throw new Error("next start did not answer within 60 s");
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
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
