import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import { pickMessages } from "./messages";

/**
 * Gives the client components inside only the namespaces they use (dotted
 * paths), never the whole catalogue.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: React.ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <NextIntlClientProvider locale={locale} messages={pickMessages(messages as never, namespaces)} timeZone="UTC">
      {children}
    </NextIntlClientProvider>
  );
}
