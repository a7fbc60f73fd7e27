import { getFormatter, getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import type { RowId } from "@/lib/resources/engine/ids";
import type { Locale } from "@/lib/i18n/locales";
import { localize } from "@/lib/resources/localize";
import { relatedSections } from "@/lib/resources/panel";
import type { Viewer } from "@/lib/resources/scope";
import type { Resource } from "@/lib/resources/types";

/** The records that point at this one (a user's items, a role's users), each linked, with "View all (N)". */
export async function RelatedRecords({ resource, id, viewer }: { resource: Resource; id: RowId; viewer: Viewer }) {
  const locale = (await getLocale()) as Locale;
  const sections = await relatedSections(resource, id, viewer, (r) => localize(r, locale));
  if (sections.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations("record.related"), getFormatter()]);
  return (
    <div className="mt-8 grid gap-6 md:grid-cols-2">
      {sections.map((s) => {
        const headingId = `related-${s.resource}-heading`;
        const total = `${format.number(s.total)}${s.totalCapped ? "+" : ""}`;
        return (
          <section key={s.resource + s.heading} aria-labelledby={headingId} className="card p-4">
            <div className="mb-2 flex items-baseline justify-between gap-3">
              <h2 id={headingId} className="text-lg font-semibold">
                {s.heading}
              </h2>
              {s.total > 0 ? (
                <a href={s.href} className="link text-sm">
                  {t("viewAll", { total })}
                </a>
              ) : null}
            </div>
            {s.rows.length === 0 ? (
              <p className="text-sm text-zinc-500 dark:text-zinc-400">{t("none")}</p>
            ) : (
              <ul className="space-y-1 text-sm">
                {s.rows.map((r) => (
                  <li key={String(r.id)}>
                    <a href={r.href} className="link break-all" translate="no">
                      {r.title}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
