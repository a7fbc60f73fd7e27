import { NextResponse } from "next/server";
import { safeCallbackUrl } from "../auth/callback-url";
import type { Locale } from "../i18n/locales";
import { answerWords, escapeHtml, pageTitle } from "./answer-words";

/** Seconds a client is asked to wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;color:#18181b;background:#fafafa}
main{max-width:36rem;margin:5rem auto;padding:2rem;background:#fff;border:1px solid #e4e4e7;border-radius:.75rem}
h1{font-size:1.5rem;margin:0 0 .75rem}p{color:#52525b;line-height:1.5}a{color:#1d4ed8}
@media (prefers-color-scheme:dark){body{background:#09090b;color:#f4f4f5}main{background:#18181b;border-color:#3f3f46}p{color:#a1a1aa}a{color:#93c5fd}}`;

/**
 * The answer while the database does not answer: a 503 with Retry-After, as
 * a small styled page for a page load (it needs nothing from the app, which
 * cannot render without its database) or as a short text for the router's
 * fetches and scripts, in `locale` (lib/net/answer-words.ts). It sets no
 * cookie: the session stays as it was.
 */
export async function databaseUnavailableResponse(wantsPage: boolean, path: string, locale: Locale): Promise<NextResponse> {
  const headers = { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" };
  const words = await answerWords(locale);
  const { t } = words;
  if (!wantsPage) return new NextResponse(t("unavailable.text"), { status: 503, headers: { ...headers, "content-type": "text/plain; charset=utf-8" } });
  const again = safeCallbackUrl(path, "/");
  const html = `<!doctype html><html lang="${escapeHtml(locale)}"><head><meta charset="utf-8"><title>${pageTitle(t("unavailable.title"), words)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style></head>
<body><main><h1>${escapeHtml(t("unavailable.title"))}</h1><p>${escapeHtml(t("unavailable.text"))}</p>
<p>${escapeHtml(t("unavailable.stillSignedIn"))} <a href="${escapeHtml(again)}">${escapeHtml(t("unavailable.retry"))}</a></p></main></body></html>`;
  return new NextResponse(html, { status: 503, headers: { ...headers, "content-type": "text/html; charset=utf-8" } });
}
