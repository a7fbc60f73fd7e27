import { getTranslations } from "@/lib/i18n/server";
import type { ListQuery } from "@/lib/resources/engine/params";
import { sentenceCase } from "@/lib/i18n/noun";
import { pluralInText } from "./in-text";

const data = (chunks: React.ReactNode) => <span translate="no">{chunks}</span>;

/**
 * A list with no rows: under a search or filter it says so and offers to clear
 * them (never to create the first one); a truly empty table invites creating one.
 */
export async function EmptyList({ names, query, base, canCreate }: { names: { label: string; singular: string }; query: ListQuery; base: string; canCreate: boolean }) {
  const [t, values] = await Promise.all([getTranslations("list.empty"), getTranslations("values")]);
  const inText = sentenceCase(values("labelCase"));
  const label = pluralInText(names, values("labelCase"));
  const filtered = query.filters.length > 0;
  if (query.q || filtered) {
    return (
      <div className="card empty-list">
        <p className="font-medium break-words">{query.q ? t.rich(filtered ? "noMatchFiltered" : "noMatch", { label, q: query.q, data }) : t("noMatchFilters", { label })}</p>
        <p>
          <a href={base} className="link">
            {t("clear")}
          </a>
        </p>
      </div>
    );
  }
  return (
    <div className="card empty-list">
      <p className="font-medium">{t("none", { label })}</p>
      {canCreate ? (
        <a href={`${base}/new`} className="btn-primary mt-4">
          {t("first", { singular: inText(names.singular) })}
        </a>
      ) : null}
    </div>
  );
}
