import { createTranslator } from "next-intl";
import { env } from "../env";
import { LOCALES, type AppLocale } from "../i18n/locales";
import { messagesFor } from "../i18n/messages";
import { absoluteSiteUrl } from "../net/site-url";
import { FALLBACK_ZONE, formatInstant, validTimeZone } from "../time-format";
import type { OutgoingMail } from "./transport";

/**
 * A mail's text and HTML from the `mail` catalogue, in the recipient's
 * language (their choice on /account, else DEFAULT_LOCALE): a subject, a few
 * paragraphs, an optional link (shown as a button and as the plain address)
 * and a closing line. A time among the values is written as the panel writes
 * times, in the recipient's zone (their choice on /account, else UTC, named
 * in the text). Values are escaped; the HTML is a plain, readable page
 * with its language set, so screen readers and text-only clients read it.
 */

export type MailKind = "reset" | "invite" | "emailChange" | "emailChangeNotice" | "passwordChanged" | "twoFactorOn" | "twoFactorOff" | "recoveryCodes" | "newSignInAddress";

export interface MailContent {
  kind: MailKind;
  to: string;
  locale?: string | null;
  values?: Record<string, string | number | Date>;
  /** The recipient's time zone for the times among the values (an IANA name; else UTC). */
  timeZone?: string | null;
  /** A path on this site the mail's button opens (made absolute from AUTH_URL). */
  link?: string;
  /** A "this was not me" path, for security notices. */
  notMe?: string;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function localeOf(locale: string | null | undefined): AppLocale {
  return (LOCALES as readonly string[]).includes(locale ?? "") ? (locale as AppLocale) : env.DEFAULT_LOCALE;
}

export async function renderMail(content: MailContent): Promise<OutgoingMail> {
  const locale = localeOf(content.locale);
  // Keys built from the mail's kind: the catalogue test checks every kind's keys in every language.
  const t = createTranslator({ locale, messages: await messagesFor(locale), namespace: "mail.templates" }) as unknown as (key: string, values?: Record<string, string | number>) => string;
  const zone = validTimeZone(content.timeZone) ?? FALLBACK_ZONE;
  const values = Object.fromEntries(Object.entries(content.values ?? {}).map(([k, v]) => [k, v instanceof Date ? formatInstant(v, zone, false, locale, true) : v]));
  const w = (key: string) => t(`${content.kind}.${key}`, values);
  const subject = w("subject");
  const body = w("body");
  const link = content.link ? { label: w("action"), url: absoluteSiteUrl(content.link) } : null;
  const notMe = content.notMe ? { label: t("notMe"), url: absoluteSiteUrl(content.notMe) } : null;
  const closing = w("closing");
  const text = [t("greeting"), body, link ? `${link.label}:\n${link.url}` : "", closing, notMe ? `${notMe.label}:\n${notMe.url}` : "", `-- \n${t("signature")}`].filter(Boolean).join("\n\n");
  const button = (l: { label: string; url: string }) =>
    `<p><a href="${escape(l.url)}" style="display:inline-block;padding:10px 16px;background:#18181b;color:#ffffff;border-radius:6px;text-decoration:none">${escape(l.label)}</a></p><p style="font-size:13px;color:#52525b">${escape(t("linkHint"))}<br><span style="word-break:break-all">${escape(l.url)}</span></p>`;
  const html = [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escape(subject)}</title></head>`,
    `<body style="font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#18181b;max-width:560px;margin:0 auto;padding:24px">`,
    `<h1 style="font-size:20px">${escape(subject)}</h1>`,
    `<p>${escape(t("greeting"))}</p><p>${escape(body)}</p>`,
    link ? button(link) : "",
    `<p>${escape(closing)}</p>`,
    notMe ? button(notMe) : "",
    `<p style="font-size:13px;color:#52525b">${escape(t("signature"))}</p></body></html>`,
  ].join("");
  return { to: content.to, subject, text, html };
}
