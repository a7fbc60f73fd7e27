import http from "node:http";
import type { AddressInfo } from "node:net";
import { E2E_PORT } from "../env";

/**
 * A reverse proxy in front of the e2e server, as nginx or Caddy would be on a
 * real domain: it passes the public host name and scheme on in `Host`,
 * `X-Forwarded-Host` and `X-Forwarded-Proto` (the e2e server trusts one proxy).
 * The browser reaches it as its HTTP proxy, so it can ask for
 * `http://<host>/…` without any DNS entry. Every redirect the app answers
 * (`Location`, and `x-action-redirect` for server actions run by script) is
 * recorded, to show where it would send the visitor.
 */
export interface SiteProxy {
  /** For Playwright's `proxy` option. */
  server: string;
  redirects: { path: string; target: string }[];
  close(): Promise<void>;
}

export async function startSiteProxy(host: string, proto: "http" | "https" = "http", clientAddress = "203.0.113.80"): Promise<SiteProxy> {
  const redirects: SiteProxy["redirects"] = [];
  const server = http.createServer((req, res) => {
    // A browser's proxy request names the whole URL; keep only its path.
    const path = new URL(req.url ?? "/", `http://${host}`);
    const headers: http.OutgoingHttpHeaders = { ...req.headers, host, "x-forwarded-host": host, "x-forwarded-proto": proto, "x-forwarded-for": clientAddress };
    delete headers["proxy-connection"];
    const upstream = http.request(
      {
        host: "127.0.0.1",
        port: E2E_PORT,
        method: req.method,
        path: `${path.pathname}${path.search}`,
        headers,
      },
      (answer) => {
        const action = answer.headers["x-action-redirect"];
        for (const target of [answer.headers.location, typeof action === "string" ? action.split(";")[0] : undefined]) {
          if (target) redirects.push({ path: path.pathname, target });
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server: `http://127.0.0.1:${port}`,
    redirects,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Browsers keep connections open; the test is over.
        server.closeAllConnections();
      }),
  };
}

/** Redirect targets that leave `origin`: anything but a path on this site or a URL of `origin` itself. */
export function offSite(redirects: SiteProxy["redirects"], origin: string): SiteProxy["redirects"] {
  return redirects.filter(({ target }) => {
    if (target.startsWith("/") && !target.startsWith("//")) return false;
    try {
      return new URL(target).origin !== origin;
    } catch {
      return true;
    }
  });
}

/** One raw request through the proxy (no redirect followed): its status, `Location` and cookies. */
export function sendVia(proxy: SiteProxy, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; location?: string; cookies: string[] }> {
  const { hostname, port } = new URL(proxy.server);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, method, path, headers: body ? { "content-type": "application/x-www-form-urlencoded", ...headers } : headers }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, cookies: res.headers["set-cookie"] ?? [] }));
    });
    req.on("error", reject);
    req.end(body);
  });
}
