import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { requireAdminIndex } from "@/lib/auth/dal";
import { recentActions } from "@/lib/audit/recent";
import { inSentence } from "@/lib/audit/words";
import { can } from "@/lib/permissions";
import { allowedActions } from "@/lib/resources/access";
import { resourceCount } from "@/lib/resources/engine/queries";
import { countOf, localize } from "@/lib/resources/localize";
import { getResource } from "@/lib/resources/registry";
import { visibleResources } from "@/lib/resources/visible";
import { RecentActions } from "@/components/recent-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

export default async function AdminIndexPage() {
  const user = await requireAdminIndex();
  const [locale, t] = await Promise.all([getLocale(), getTranslations("admin")]);
  const resources = visibleResources(user).map((r) => getResource(r.name)!);
  const readsLog = can(user.access, "audit:view");
  const [counts, own, everyone] = await Promise.all([
    Promise.all(resources.map((r) => resourceCount(r, user))),
    recentActions(user, user.id),
    readsLog ? recentActions(user, null) : Promise.resolve(null),
  ]);
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      {resources.length === 0 ? (
        <p className="card mt-6 p-6 text-sm text-zinc-600 dark:text-zinc-400">{t("noPermissions")}</p>
      ) : (
        <ul aria-label={t("resources")} className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {resources.map((r, i) => {
            const count = counts[i];
            const words = localize(r, locale);
            return (
              <li key={r.name} className="card flex flex-col gap-3 p-5">
                <h2 className="text-lg font-medium">
                  <Link href={`/admin/${r.name}`} className="link">
                    {words.label}
                  </Link>
                </h2>
                {/* "298 items", "1 user", "10,000+ audit entries": in the resource's own noun. */}
                <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="row-count">
                  {count ? countOf(words, count.total, locale, count.capped) : ""}
                </p>
                {allowedActions(user, r).create ? (
                  <a href={`/admin/${r.name}/new`} className="btn-secondary self-start">
                    {t("new", { singular: inSentence({ locale }, words.singular) })}
                  </a>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <div className={`mt-8 grid gap-4 ${everyone ? "lg:grid-cols-2" : ""}`}>
        <RecentActions title={t("recent")} entries={own} />
        {everyone ? <RecentActions title={t("recentEveryone")} entries={everyone} showActor /> : null}
      </div>
    </div>
  );
}
