/* eslint-disable @next/next/no-html-link-for-pages -- plain links on purpose: a full page load costs the server less than a client component with prefetching links. */
import { useServerTranslations } from "@/lib/i18n/server";

/**
 * The resources the user may view, as plain links (a server component: no
 * client code, no prefetching); `current` is the path being shown. The
 * resources' labels come in the reader's language (getLocalResource).
 */
export function AdminNav({ resources, current }: { resources: { name: string; label: string }[]; current: string }) {
  const t = useServerTranslations("nav");
  return (
    <nav aria-label={t("resources")} className="side-nav">
      <ul className="flex flex-wrap gap-1 md:flex-col">
        <li>
          <a href="/admin" aria-current={current === "/admin" ? "page" : undefined}>
            {t("overview")}
          </a>
        </li>
        {resources.map((r) => {
          const href = `/admin/${r.name}`;
          return (
            <li key={r.name}>
              <a href={href} aria-current={current === href || current.startsWith(`${href}/`) ? "page" : undefined}>
                {r.label}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
