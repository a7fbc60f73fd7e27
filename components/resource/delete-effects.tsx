import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import type { DeleteEffect } from "@/lib/resources/engine/delete-effects";
import { inSentence } from "@/lib/i18n/noun";
import { labelCaseOf } from "@/lib/resources/catalogue";
import type { Locale } from "@/lib/i18n/locales";
import { countOf, getLocalResource } from "@/lib/resources/localize";
import { getResource } from "@/lib/resources/registry";

type T = Awaited<ReturnType<typeof getTranslations<"deletion.effects">>>;

/** The pointing field's label in `locale` (the effect names it in the definition's words). */
function fieldLabel(e: DeleteEffect, locale: Locale): string {
  const key = getResource(e.resource)?.fields.find((f) => f.label === e.field)?.key;
  return (key && getLocalResource(e.resource, locale)?.fieldMap.get(key)?.label) || e.field;
}

/** One kind of effect as a sentence: a count in the affected resource's noun, the field, and this record's noun (`what`). */
function sentence(t: T, e: DeleteEffect, what: string, locale: Locale): string {
  const local = getLocalResource(e.resource, locale) ?? { name: e.resource, singular: e.singular };
  const n = countOf(local, e.count, locale, e.capped);
  // A capped count is many, whatever the number.
  const count = e.capped ? Math.max(e.count, 2) : e.count;
  const field = inSentence(fieldLabel(e, locale), labelCaseOf(locale));
  switch (e.kind) {
    case "cleared":
      return t("cleared", { n, count, field });
    case "reset":
      return t("reset", { n, count, field });
    case "deleted":
      return t("deleted", { n, count });
    case "unlinked":
      return t("unlinked", { n, what });
    case "blocks":
      return t("blocks", { n, count, what, field });
  }
}

/** The affected records of a delete, each kind a sentence with a count and at most a few names the viewer may see. */
export async function DeleteEffects({ effects, what }: { effects: DeleteEffect[]; what: string }) {
  const [t, locale] = await Promise.all([getTranslations("deletion.effects"), getLocale()]);
  if (effects.length === 0) return <p className="text-sm">{t("none")}</p>;
  return (
    <section aria-labelledby="delete-effects-heading" className="delete-effects">
      <h2 id="delete-effects-heading">{t("heading")}</h2>
      <ul>
        {effects.map((e) => {
          const rest = e.count - e.names.length;
          return (
            <li key={`${e.resource}:${e.field}`}>
              <p>{sentence(t, e, what, locale)}</p>
              {e.names.length ? (
                <ul className="delete-effects-names">
                  {e.names.map((r) => (
                    <li key={String(r.id)}>
                      <a href={r.href} className="link break-all" translate="no">
                        {r.title}
                      </a>
                    </li>
                  ))}
                  {rest > 0 ? (
                    <li>
                      {t("more", { count: rest })}
                      {e.capped ? "+" : ""}
                    </li>
                  ) : null}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
