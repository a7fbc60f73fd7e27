import { useTranslations } from "next-intl";
import type { RecentEntry } from "@/lib/audit/recent";
import { Said } from "@/lib/audit/said";
import { LocalTime } from "./local-time";

/** A panel of record changes, newest first, like Django admin's "Recent actions". */
export function RecentActions({ title, entries, showActor = false }: { title: string; entries: RecentEntry[]; showActor?: boolean }) {
  const t = useTranslations("audit.recent");
  const id = showActor ? "recent-everyone-heading" : "recent-own-heading";
  return (
    <section aria-labelledby={id} className="card p-5">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {entries.length === 0 ? (
        <p className="mt-2 text-sm text-zinc-500 dark:text-zinc-400">{t("nothing")}</p>
      ) : (
        <ol className="mt-3 divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
          {entries.map((e) => (
            <li key={e.id} className="py-2">
              <p className="break-words">
                <Said parts={e.said} />
              </p>
              {e.changes ? (
                <p className="break-words text-zinc-600 dark:text-zinc-300">
                  <Said parts={e.changes} />
                </p>
              ) : null}
              <p className="text-xs text-zinc-500 dark:text-zinc-400">
                {showActor ? (
                  <>
                    {e.actorEmail ? <span translate="no">{e.actorEmail}</span> : t("unknown")}
                    {" · "}
                  </>
                ) : null}
                <LocalTime iso={e.at.toISOString()} />
                {e.entryHref ? (
                  <>
                    {" · "}
                    <a href={e.entryHref} className="link">
                      {t("details")}
                    </a>
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
