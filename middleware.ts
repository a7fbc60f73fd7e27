import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { auth } from "@/lib/auth/config";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { can, mayOpenAdminIndex, permission } from "@/lib/permissions";
import { findResourceEntry } from "@/lib/resources/catalog";
import { getUserAccess } from "@/lib/users/queries";

/**
 * The first, fast gate: anonymous visitors go to sign in, and signed-in users
 * without `<resource>:view` are stopped before rendering. Every page, action and
 * route handler checks again through lib/auth/dal, so nothing relies on this alone.
 */

const PUBLIC_PATHS = new Set(["/login"]);
const NO_STORE_PREFIXES = ["/admin", "/account"];

function forbiddenResponse(): NextResponse {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Forbidden · Gatehouse</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem">
<h1>403 · Forbidden</h1><p>You do not have permission to view this page.</p><p><a href="/admin">Back to the admin index</a></p></body></html>`;
  return new NextResponse(html, { status: 403, headers: { "content-type": "text/html; charset=utf-8" } });
}

/** The resource a path under /admin names, if it is a registered one. */
function adminTarget(pathname: string): { index: true } | { resource: string } | null {
  const parts = pathname.split("/").filter(Boolean);
  if (parts[0] !== "admin") return null;
  if (parts.length === 1) return { index: true };
  return findResourceEntry(parts[1]!) ? { resource: parts[1]! } : null;
}

function withSecurityHeaders(res: NextResponse, pathname: string): NextResponse {
  if (NO_STORE_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    res.headers.set("Cache-Control", "no-store");
  }
  return res;
}

const gate = auth((req) => {
  const { pathname, search } = req.nextUrl;
  if (PUBLIC_PATHS.has(pathname)) return withSecurityHeaders(NextResponse.next(), pathname);

  const userId = req.auth?.user?.id;
  if (!userId) {
    const login = new URL("/login", req.nextUrl.origin);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }

  const target = adminTarget(pathname);
  if (target) {
    const user = getUserAccess(getDb(), userId);
    const access = user?.active ? user.access : null;
    const allowed =
      "resource" in target
        ? can(access, permission(target.resource, "view"))
        : mayOpenAdminIndex(access, env.ADMIN_INDEX_ACCESS);
    if (!allowed) return withSecurityHeaders(forbiddenResponse(), pathname);
  }

  // Pages read their own path from here to build sign-in links (always overwritten).
  const headers = new Headers(req.headers);
  headers.set("x-gatehouse-path", `${pathname}${search}`);
  return withSecurityHeaders(NextResponse.next({ request: { headers } }), pathname);
});

// With a lazily built Auth.js config, auth(handler) resolves to the handler.
type Handler = (req: NextRequest, ev: NextFetchEvent) => Promise<Response>;
export default async function middleware(req: NextRequest, ev: NextFetchEvent): Promise<Response> {
  return ((await gate) as unknown as Handler)(req, ev);
}

export const config = {
  runtime: "nodejs",
  matcher: ["/((?!api/auth|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
