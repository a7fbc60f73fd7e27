import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { auth } from "@/lib/auth/config";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { contentSecurityPolicy, HSTS, sameOrigin } from "@/lib/net/security-headers";
import { can, mayOpenAdminIndex, permission } from "@/lib/permissions";
import { getResource } from "@/lib/resources/registry";
import { getUserAccess } from "@/lib/users/queries";

/**
 * The first, fast gate: anonymous visitors go to sign in, signed-in users
 * without `<resource>:view` are stopped before rendering, state-changing
 * requests from another origin (or none) are refused, and every page gets its
 * security headers. Every page, action and route handler checks access again
 * through lib/auth/dal, so nothing relies on this alone.
 */

const PUBLIC_PATHS = new Set(["/login"]);
const NO_STORE_PREFIXES = ["/admin", "/account", "/logout"];
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function page(status: number, title: string, text: string): NextResponse {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} · Gatehouse</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem">
<main><h1>${status} · ${title}</h1><p>${text}</p><p><a href="/admin">Back to the admin index</a></p></main></body></html>`;
  return new NextResponse(html, { status, headers: { "content-type": "text/html; charset=utf-8" } });
}

/** The resource a path under /admin names, if it is a registered one. */
function adminTarget(pathname: string): { index: true } | { resource: string } | null {
  const parts = pathname.split("/").filter(Boolean);
  if (parts[0] !== "admin") return null;
  if (parts.length === 1) return { index: true };
  return getResource(parts[1]!) ? { resource: parts[1]! } : null;
}

function isHttps(req: NextRequest): boolean {
  return req.nextUrl.protocol === "https:" || (env.TRUST_PROXY > 0 && req.headers.get("x-forwarded-proto") === "https");
}

/** State-changing requests must carry this site's Origin (Next only warns when it is missing). */
function foreignOrigin(req: NextRequest): NextResponse | null {
  if (SAFE_METHODS.has(req.method)) return null;
  const host = (env.TRUST_PROXY > 0 && req.headers.get("x-forwarded-host")) || req.headers.get("host");
  const extra = process.env.AUTH_URL ? [process.env.AUTH_URL] : [];
  return sameOrigin(req.headers.get("origin"), host, extra) ? null : page(403, "Forbidden", "This request did not come from this site.");
}

async function decide(req: NextRequest, userId: string | undefined): Promise<NextResponse | null> {
  const { pathname, search } = req.nextUrl;
  const refused = foreignOrigin(req);
  if (refused) return refused;
  if (PUBLIC_PATHS.has(pathname)) return null;
  if (!userId) {
    const login = new URL("/login", req.nextUrl.origin);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  const target = adminTarget(pathname);
  if (target) {
    const user = await getUserAccess(getDb(), userId);
    const access = user?.active ? user.access : null;
    const allowed = "resource" in target ? can(access, permission(target.resource, "view")) : mayOpenAdminIndex(access, env.ADMIN_INDEX_ACCESS);
    if (!allowed) return page(403, "Forbidden", "You do not have permission to view this page.");
  }
  return null;
}

const gate = auth(async (req) => {
  const https = isHttps(req);
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV !== "production", https });

  const early = await decide(req, req.auth?.user?.id);
  const headers = new Headers(req.headers);
  // Pages read their own path (for sign-in links) and Next reads the nonce from these.
  headers.set("x-gatehouse-path", `${req.nextUrl.pathname}${req.nextUrl.search}`);
  headers.set("content-security-policy", csp);
  const res = early ?? NextResponse.next({ request: { headers } });

  res.headers.set("Content-Security-Policy", csp);
  if (https) res.headers.set("Strict-Transport-Security", HSTS);
  const { pathname } = req.nextUrl;
  if (NO_STORE_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`))) res.headers.set("Cache-Control", "no-store");
  return res;
});

// With a lazily built Auth.js config, auth(handler) resolves to the handler.
type Handler = (req: NextRequest, ev: NextFetchEvent) => Promise<Response>;
/** Server actions and forms accept bodies up to this size (Next's default for server actions). */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Requests Next.js would answer with a 500: a path with a malformed
 * percent-escape (its dynamic segments cannot be decoded), or a body over the
 * server-action limit. They get a 4xx page here instead.
 */
function malformed(req: NextRequest): NextResponse | null {
  try {
    decodeURIComponent(req.nextUrl.pathname);
  } catch {
    return page(400, "Bad request", "This address is not valid.");
  }
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) return page(413, "Request too large", "The request is too large. Shorten what you typed and try again.");
  return null;
}

export default async function middleware(req: NextRequest, ev: NextFetchEvent): Promise<Response> {
  const bad = malformed(req);
  if (bad) return bad;
  // Sign-out bypasses the Auth.js wrapper, whose session refresh would set the
  // cookie again on the very response that clears it.
  if (req.nextUrl.pathname === "/sign-out") return foreignOrigin(req) ?? NextResponse.next();
  return ((await gate) as unknown as Handler)(req, ev);
}

export const config = {
  runtime: "nodejs",
  matcher: ["/((?!api/auth|_next/static|_next/image|favicon.ico|robots.txt|bench-floor).*)"],
};
