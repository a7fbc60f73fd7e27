import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * Servers, databases and a cuttable TCP proxy for the fault tests. They serve
 * the production build (`npm run build` first) with `next start` on ports
 * from 3300 upward (FAULTS_PORT moves them).
 */

export const BASE_PORT = Number(process.env.FAULTS_PORT ?? 3300);
export const SECRET = "faults-only-secret-0123456789abcdef0123456789abcdef";
export const ADMIN = { email: "admin@example.com", password: "password" };
const NEXT = path.resolve("node_modules/next/dist/bin/next");

export const SERVER_ENV: Record<string, string> = { AUTH_SECRET: SECRET, AUTH_TRUST_HOST: "true", BCRYPT_COST: "4", LOG_LEVEL: "info" };

export interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `command` to its end (killed after `limitMs`), with `env` over this process's environment. */
export function run(command: string, args: string[], env: Record<string, string | undefined>, limitMs = 30_000): Promise<Exit> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d));
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), limitMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** `next start` with these settings, as `npm start` runs it after migrating. */
export const nextStart = (port: number, env: Record<string, string | undefined>, limitMs?: number) => run(process.execPath, [NEXT, "start", "-p", String(port)], env, limitMs);

export interface Server {
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts `next start` and resolves once /login answers (rejects with its output if it exits first). */
export async function startServer(port: number, env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, [NEXT, "start", "-p", String(port)], { env: { ...process.env, ...SERVER_ENV, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d));
  child.stderr.on("data", (d: Buffer) => (output += d));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const server: Server = {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
  for (let waited = 0; waited < 60_000; waited += 200) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    if (await fetch(`${url}/login`).then((r) => r.ok, () => false)) return server;
    await new Promise((r) => setTimeout(r, 200));
  }
  await server.stop();
  throw new Error(`next start did not answer within 60 s:\n${output}`);
}

/** Signs in through Auth.js's credentials endpoint, as the form does; the response's Location and cookie. */
export async function postSignIn(url: string, email: string, password: string): Promise<{ location: string; cookie: string | null }> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/admin" }),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith("authjs.session-token="));
  return { location: res.headers.get("location") ?? "", cookie: session ? session.split(";")[0]! : null };
}

export async function signIn(url: string): Promise<string> {
  const { cookie, location } = await postSignIn(url, ADMIN.email, ADMIN.password);
  if (!cookie) throw new Error(`sign-in failed: ${location}`);
  return cookie;
}

/** A page load as a browser makes it. */
export const pageLoad = (cookie: string) => ({ accept: "text/html,application/xhtml+xml", "sec-fetch-dest": "document", cookie });

/** Milliseconds `work` took. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/** /login and a list, timed, as another user would load them during an export. */
export async function otherRequests(server: Server, cookie: string) {
  const login = await timed(() => fetch(`${server.url}/login`).then(async (r) => ({ status: r.status, body: await r.text() })));
  const list = await timed(() => fetch(`${server.url}/admin/items`, { headers: pageLoad(cookie) }).then(async (r) => ({ status: r.status, body: await r.text() })));
  return { login, list };
}

/** A temporary directory removed when the test process ends. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gatehouse-faults-"));
  process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A TCP proxy to `target` that the test can cut (every connection dropped, new ones refused) and restore. */
export class CuttableProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  async open(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const [a, b] of [[client, upstream], [upstream, client]] as const) {
        this.sockets.add(a);
        a.on("close", () => this.sockets.delete(a));
        a.on("error", () => b.destroy());
        a.pipe(b);
      }
    });
    await new Promise<void>((resolve) => server.listen(this.port, "127.0.0.1", resolve));
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}
