import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTimeZone } from "next-intl/server";
import { pickMessages } from "./messages";

/**
 * Gives the client components inside only the namespaces they use (dotted
 * paths), never the whole catalogue, and the request's time zone (lib/time-zone.ts)
 * so that a client component formats a time by the same rule as the server.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: React.ReactNode }) {
  const [locale, messages, timeZone] = await Promise.all([getLocale(), getMessages(), getTimeZone()]);
  return (
    <NextIntlClientProvider locale={locale} messages={pickMessages(messages as never, namespaces)} timeZone={timeZone}>
      {children}
    </NextIntlClientProvider>
  );
}
