import type { JWT } from "next-auth/jwt";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { auth } from "@/lib/auth/config";
import { readSessionToken, SESSION_UPDATE_AGE_SECONDS } from "@/lib/auth/session";
import { checkedSessionUser, watchSessionChecks } from "@/lib/auth/session-check";
import { getDb } from "@/lib/db";
import { databaseAnswers } from "@/lib/db/health";
import { DatabaseUnavailable } from "@/lib/db/unavailable";
import { databaseUnavailableResponse } from "@/lib/net/unavailable";
import { env } from "@/lib/env";
import { adminPageStatus, type PageStatus } from "@/lib/auth/page-gate";
import { contentSecurityPolicy, HSTS, sameOrigin } from "@/lib/net/security-headers";
import { answerLocale, answerWords, shortPage as page } from "@/lib/net/answer-words";
import { siteLocation } from "@/lib/net/site-url";

/**
 * The first, cheap gate: requests without a valid session cookie go to sign
 * in, state-changing requests from another origin (or none) are refused, and
 * every page gets its security headers. On a browser's page load it checks no
 * permission (see pageCheck) and asks the database only whether it answers
 * (see databaseAnswers): every page, action and route handler checks the
 * session and permission through lib/auth/dal (a missing permission is the
 * page's own 403), so nothing relies on this gate alone.
 */

// The mail links open without a session; /dev/mail answers for itself (development only, 404 in production).
const PUBLIC_PATHS = new Set(["/login", "/password/forgot", "/password/reset", "/invitation", "/email/confirm", "/not-me", "/dev/mail"]);
const NO_STORE_PREFIXES = ["/admin", "/account", "/logout"];
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The words of a refusal (worked out only for one): the user's choice when a session check read it, else the browser's. */
const wordsFor = (req: NextRequest, chosen?: unknown) => answerWords(answerLocale(req.headers.get("accept-language"), chosen));

/** Renders app/forbidden.tsx with a 403 (a page that only calls forbidden()). */
const ACCESS_DENIED_PATH = "/access-denied";

/**
 * A request asking for HTML (GET or HEAD). Next hides the RSC headers from
 * middleware, and the router's fetches accept any type: this only chooses
 * between a short HTML page and plain text for a refusal.
 */
function wantsPage(req: NextRequest): boolean {
  return (req.method === "GET" || req.method === "HEAD") && (req.headers.get("accept") ?? "").includes("text/html");
}

function isHttps(req: NextRequest): boolean {
  return req.nextUrl.protocol === "https:" || (env.TRUST_PROXY > 0 && req.headers.get("x-forwarded-proto") === "https");
}

/** State-changing requests must carry this site's Origin (Next only warns when it is missing). */
async function foreignOrigin(req: NextRequest): Promise<NextResponse | null> {
  if (SAFE_METHODS.has(req.method)) return null;
  const host = (env.TRUST_PROXY > 0 && req.headers.get("x-forwarded-host")) || req.headers.get("host");
  const extra = process.env.AUTH_URL ? [process.env.AUTH_URL] : [];
  if (sameOrigin(req.headers.get("origin"), host, extra)) return null;
  const words = await wordsFor(req);
  return page(403, words.errors("forbidden.title"), words.t("foreignOrigin"), words);
}

function toLogin(req: NextRequest): NextResponse {
  const login = siteLocation(`/login?${new URLSearchParams({ callbackUrl: `${req.nextUrl.pathname}${req.nextUrl.search}` })}`);
  // Middleware may not answer with a relative Location; Next turns one on the request's own host into a path.
  return NextResponse.redirect(new URL(login, req.nextUrl));
}

/**
 * Passes the request on (or answers `early`, or renders `rewrite` in its
 * place) with the CSP nonce and the security headers.
 */
function withHeaders(req: NextRequest, early?: NextResponse, rewrite?: string): NextResponse {
  const https = isHttps(req);
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV !== "production", https });
  let res = early;
  if (!res) {
    const headers = new Headers(req.headers);
    // Pages read their own path (for sign-in links) and Next reads the nonce from these.
    headers.set("x-gatehouse-path", `${req.nextUrl.pathname}${req.nextUrl.search}`);
    headers.set("content-security-policy", csp);
    res = rewrite ? NextResponse.rewrite(new URL(rewrite, req.nextUrl.origin), { request: { headers } }) : NextResponse.next({ request: { headers } });
  }
  res.headers.set("Content-Security-Policy", csp);
  if (https) res.headers.set("Strict-Transport-Security", HSTS);
  const { pathname } = req.nextUrl;
  if (NO_STORE_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`))) res.headers.set("Cache-Control", "no-store");
  return res;
}

/**
 * For requests that are not a browser's page load (router fetches and
 * prefetches of RSC payloads, crafted ones, API clients): Next answers a
 * payload whose page calls forbidden() or notFound() with 200, and a prefetch
 * runs no page at all, so middleware asks the page's question itself and
 * answers 403 or 404 in its place. A browser's page loads (Sec-Fetch-Dest:
 * document, which scripts cannot set) skip this read; the page answers them.
 */
async function pageCheck(pathname: string, token: JWT): Promise<{ status: PageStatus | "anonymous"; locale?: string | null }> {
  if (pathname !== "/admin" && !pathname.startsWith("/admin/")) return { status: "ok" };
  // A session that is over (revoked, stale stamp, deactivated) is anonymous, as on a page.
  const user = await checkedSessionUser(getDb(), token);
  if (!user) return { status: "anonymous" };
  // The user's language comes along for a refusal's words.
  return { status: await adminPageStatus(pathname, user, env.ADMIN_INDEX_ACCESS), locale: user.locale };
}

// Auth.js's wrapper re-issues an ageing cookie (to extend the idle lifetime):
// it runs the jwt callback, the same session check as every page's, and sets
// the cookie again, or clears it when the session is over.
const refresh = auth((req) => withHeaders(req, req.auth || PUBLIC_PATHS.has(req.nextUrl.pathname) ? undefined : toLogin(req)));
type Handler = (req: NextRequest, ev: NextFetchEvent) => Promise<Response>;
/** Server actions and forms accept bodies up to this size (Next's default for server actions). */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Requests Next.js would answer with a 500: a path with a malformed
 * percent-escape (its dynamic segments cannot be decoded), or a body over the
 * server-action limit. They get a 4xx page here instead.
 */
async function malformed(req: NextRequest): Promise<NextResponse | null> {
  let problem: "badRequest" | "tooLarge" | null = null;
  try {
    decodeURIComponent(req.nextUrl.pathname);
  } catch {
    problem = "badRequest";
  }
  if (!problem && Number(req.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) problem = "tooLarge";
  if (!problem) return null;
  const words = await wordsFor(req);
  return page(problem === "badRequest" ? 400 : 413, words.t(`${problem}.title`), words.t(`${problem}.text`), words);
}

/**
 * A refusal found here. A client asking for HTML without saying it is a page
 * load (no Fetch Metadata) gets the app's 403 page in place of the address
 * (the rewrite keeps its 403), or a short 404 page; router fetches and scripts
 * get plain text, answered here: a page rendered for them would be an RSC
 * payload with 200. No body reaches a page (a form post could run a server
 * action there). The router then loads the address as a page, which refuses
 * on its own.
 */
async function refuse(req: NextRequest, status: 403 | 404, chosenLocale?: string | null): Promise<NextResponse> {
  if (wantsPage(req) && status === 403) return withHeaders(req, undefined, ACCESS_DENIED_PATH);
  const words = await wordsFor(req, chosenLocale);
  const text = status === 403 ? words.errors("forbidden.text") : words.errors("notFound.text");
  if (wantsPage(req)) return withHeaders(req, page(404, words.errors("notFound.title"), text, words));
  return withHeaders(req, new NextResponse(text, { status, headers: { "content-type": "text/plain; charset=utf-8" } }));
}

/** The database did not answer: a 503 that keeps the cookie as it is (pages would otherwise fail or sign the user out). */
const unavailable = async (req: NextRequest) =>
  withHeaders(req, await databaseUnavailableResponse(wantsPage(req), `${req.nextUrl.pathname}${req.nextUrl.search}`, answerLocale(req.headers.get("accept-language"))));

export default async function middleware(req: NextRequest, ev: NextFetchEvent): Promise<Response> {
  try {
    return await gate(req, ev);
  } catch (error) {
    if (error instanceof DatabaseUnavailable) return unavailable(req);
    throw error;
  }
}

async function gate(req: NextRequest, ev: NextFetchEvent): Promise<Response> {
  const bad = await malformed(req);
  if (bad) return withHeaders(req, bad);
  const { pathname } = req.nextUrl;
  // Sign-out clears the cookie; nothing here may set it again on the same response.
  if (pathname === "/sign-out") return (await foreignOrigin(req)) ?? NextResponse.next();
  const refused = await foreignOrigin(req);
  if (refused) return withHeaders(req, refused);

  // A cheap verified read (decrypt and expiry, no database): pages check the rest.
  const session = await readSessionToken(req.cookies);
  const token = session?.token;
  if (!token && !PUBLIC_PATHS.has(pathname)) {
    const res = toLogin(req);
    // A stale or forged cookie is cleared (a `__Secure-` one only with Secure set).
    if (session) res.cookies.set(session.cookie, "", { maxAge: 0, path: "/", httpOnly: true, sameSite: "lax", secure: session.cookie.startsWith("__Secure-") });
    return withHeaders(req, res);
  }
  // A signed-in request while the database is down would fail on its page: answered here, cookie untouched.
  if (token && !(await databaseAnswers())) return unavailable(req);
  const pageLoad = req.headers.get("sec-fetch-dest") === "document";
  const check = token && !pageLoad ? await pageCheck(pathname, token) : { status: "ok" as const };
  if (check.status === "anonymous") return withHeaders(req, toLogin(req));
  if (check.status !== "ok") return refuse(req, check.status, check.locale);
  // The 403 page is only ever shown in place of another address; asked for itself, it refuses too.
  if (pathname === ACCESS_DENIED_PATH) return refuse(req, 403);
  if (token?.iat && Date.now() / 1000 - token.iat > SESSION_UPDATE_AGE_SECONDS) {
    // With a lazily built Auth.js config, auth(handler) resolves to the handler.
    // A refresh whose session check failed would clear the cookie: that answer is dropped.
    const { result, failed } = await watchSessionChecks(async () => ((await refresh) as unknown as Handler)(req, ev));
    return failed ? unavailable(req) : result;
  }
  return withHeaders(req);
}

export const config = {
  runtime: "nodejs",
  matcher: ["/((?!api/auth|api/mail/flush|_next/static|_next/image|favicon.ico|robots.txt|bench-floor).*)"],
};
