import { NextIntlClientProvider } from "next-intl";
import type { Messages } from "./pseudo";
import { pickMessages } from "./messages";
import { requestWords } from "./server";

/** Picked catalogues by their source and namespaces: the same few for every request, so picked once. */
const picked = new WeakMap<object, Map<string, Messages>>();

function pickOnce(messages: Messages, namespaces: readonly string[]): Messages {
  let byNamespaces = picked.get(messages);
  if (!byNamespaces) picked.set(messages, (byNamespaces = new Map()));
  const key = namespaces.join("\u0000");
  let found = byNamespaces.get(key);
  if (!found) byNamespaces.set(key, (found = pickMessages(messages, namespaces)));
  return found;
}

/**
 * Gives the client components inside only the namespaces they use (dotted
 * paths), never the whole catalogue, and the request's time zone (lib/time-zone.ts)
 * so that a client component formats a time by the same rule as the server.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: React.ReactNode }) {
  const { locale, messages, timeZone } = await requestWords();
  return (
    <NextIntlClientProvider locale={locale} messages={pickOnce(messages as never, namespaces)} timeZone={timeZone}>
      {children}
    </NextIntlClientProvider>
  );
}
