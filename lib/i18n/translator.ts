import { createTranslator, type Messages, type NamespaceKeys, type NestedKeyOf } from "next-intl";
import { getTranslations, type ServerTranslator } from "./server";
import en from "../../messages/en/index";

type Namespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;

/**
 * Words for code that is not a component: the engine's refusals, actions'
 * answers, route handlers. Inside a request it is next-intl's translator in
 * the request's locale (lib/i18n/server.ts); outside one (the CLI, the seed,
 * unit tests) it is English, the CLI's language.
 */
export async function translator<NS extends Namespace>(namespace: NS): Promise<ServerTranslator<NS>> {
  try {
    return await getTranslations(namespace);
  } catch {
    return english(namespace) as never;
  }
}

/** English words, for the CLI and for tests that compare with what a page says. */
export function english<NS extends Namespace>(namespace: NS) {
  return createTranslator({ locale: "en", messages: en, namespace });
}
