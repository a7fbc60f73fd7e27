import { safeCallbackUrl } from "../auth/callback-url";

/**
 * Redirects name the site, never the address the server listens on: behind a
 * reverse proxy, a request's own URL (`request.url`, `nextUrl.origin`) is
 * `http://localhost:3000`, not the public host name. A `Location` is therefore
 * a path (`/login?…`, which the browser resolves against the address it
 * asked), or a URL on AUTH_URL's origin when that is set.
 */

function publicOrigin(): string | null {
  const url = process.env.AUTH_URL;
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** Where to send the browser for `path` (a path on this site; anything else becomes "/"). */
export function siteLocation(path: string): string {
  const safe = safeCallbackUrl(path, "/");
  const origin = publicOrigin();
  return origin ? `${origin}${safe}` : safe;
}

/** A redirect to a path on this site; 303 (the default) answers a form post with a GET. */
export function redirectOnSite(path: string, status = 303): Response {
  return new Response(null, { status, headers: { Location: siteLocation(path) } });
}

/**
 * Auth.js's redirect callback: a path on this site, or a URL of this site
 * (`baseUrl`, which Auth.js builds from the request, or AUTH_URL), becomes
 * siteLocation(its path); any other target goes to "/".
 */
export function authRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  if (url.startsWith("/")) return siteLocation(url);
  try {
    const target = new URL(url);
    const own = [baseUrl, publicOrigin()].some((o) => o && new URL(o).origin === target.origin);
    return siteLocation(own ? `${target.pathname}${target.search}${target.hash}` : "/");
  } catch {
    return siteLocation("/");
  }
}

/**
 * A response whose `Location` was built from the request's own URL (as
 * Auth.js's endpoints build their error redirects) gets siteLocation instead.
 */
export function keepOnSite(requestUrl: string, res: Response): Response {
  const location = res.headers.get("location");
  if (!location) return res;
  const target = new URL(location, requestUrl);
  if (target.origin !== new URL(requestUrl).origin) return res;
  const fixed = new Response(res.body, res);
  fixed.headers.set("location", siteLocation(`${target.pathname}${target.search}${target.hash}`));
  return fixed;
}

/**
 * An absolute URL of `path` on this site, for links that leave the browser
 * (mails): AUTH_URL's origin, else this server's own address in development.
 */
export function absoluteSiteUrl(path: string): string {
  const safe = safeCallbackUrl(path, "/");
  return `${publicOrigin() ?? `http://localhost:${process.env.PORT ?? 3000}`}${safe}`;
}
