import { NextResponse } from "next/server";
import { createTranslator } from "next-intl";
import type en from "../../messages/en/index";
import { env } from "../env";
import { servedLocale, supportedLocales, type Locale } from "../i18n/locales";
import { messagesFor } from "../i18n/messages";
import { negotiateLocale } from "../i18n/negotiate";

/**
 * The language of an answer made before any page runs (middleware's short
 * pages and text answers, the 503 while the database is down): the user's
 * stored choice when the caller already has it, else the browser's
 * Accept-Language, else DEFAULT_LOCALE. Worked out only when such an answer
 * is made, never on a request that passes through.
 */
export function answerLocale(acceptLanguage: string | null | undefined, chosen?: unknown): Locale {
  return servedLocale(chosen) ?? negotiateLocale(acceptLanguage, supportedLocales()) ?? env.DEFAULT_LOCALE;
}

/** The words of those answers in `locale`: messages `middleware` and `errors`, and the product's name for their titles (the catalogue is loaded once per process). */
export async function answerWords(locale: Locale) {
  const messages = (await messagesFor(locale)) as unknown as typeof en;
  return {
    locale,
    t: createTranslator({ locale, messages, namespace: "middleware" }),
    errors: createTranslator({ locale, messages, namespace: "errors" }),
    product: createTranslator({ locale, messages, namespace: "nav" })("productName"),
  };
}

/** A page title as the app's pages write theirs ("Bad request · Gatehouse", app/layout.tsx), escaped for HTML. */
export function pageTitle(title: string, { product }: AnswerWords): string {
  return `${escapeHtml(title)} · ${escapeHtml(product)}`;
}

export type AnswerWords = Awaited<ReturnType<typeof answerWords>>;

/** Text for an HTML body or attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A short HTML page for a refusal made before any page runs, in the words' language, with the way back to the admin index. */
export function shortPage(status: number, title: string, text: string, words: AnswerWords): NextResponse {
  const [heading, body, back] = [title, text, words.errors("back.adminIndex")].map(escapeHtml);
  const html = `<!doctype html><html lang="${escapeHtml(words.locale)}"><head><meta charset="utf-8"><title>${pageTitle(title, words)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem">
<main><h1>${status} · ${heading}</h1><p>${body}</p><p><a href="/admin">${back}</a></p></main></body></html>`;
  return new NextResponse(html, { status, headers: { "content-type": "text/html; charset=utf-8" } });
}
