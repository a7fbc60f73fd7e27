import { getRequestConfig } from "next-intl/server";
import { headers } from "next/headers";
import { getSession } from "../auth/dal";
import { env } from "../env";
import { viewerTimeZone } from "../time-zone";
import { servedLocale, supportedLocales, type Locale } from "./locales";
import { messagesFor } from "./messages";
import { negotiateLocale } from "./negotiate";

/** The signed-in user's stored choice, from the session read this request makes anyway (lib/auth/dal). */
async function chosenLocale(): Promise<Locale | null> {
  try {
    return servedLocale((await getSession())?.locale);
  } catch {
    // The database did not answer: the page itself says so; its words follow the browser.
    return null;
  }
}

/**
 * The locale of this request, with no locale in the URL: the user's choice on
 * /account, else the browser's Accept-Language, else DEFAULT_LOCALE.
 */
export async function requestLocale(): Promise<Locale> {
  return (await chosenLocale()) ?? negotiateLocale((await headers()).get("accept-language"), supportedLocales()) ?? env.DEFAULT_LOCALE;
}

export default getRequestConfig(async () => {
  const [locale, timeZone] = await Promise.all([requestLocale(), viewerTimeZone()]);
  // next-intl's own date formats follow the panel's one rule for time zones (lib/time-zone.ts).
  return { locale, messages: await messagesFor(locale), timeZone };
});
