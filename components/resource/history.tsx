import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { listHistory } from "@/lib/audit/queries";
import { entryLabels, visibleChanges } from "@/lib/audit/labels";
import { Said } from "@/lib/audit/said";
import { auditWords, describeParts, knownLabel } from "@/lib/audit/sentence";
import { getLocalResource } from "@/lib/resources/localize";
import type { Viewer } from "@/lib/resources/scope";
import { LocalTime } from "../local-time";

const data = (chunks: React.ReactNode) => <span translate="no">{chunks}</span>;

/** A record's audit trail as sentences, newest first (shown to users who may view the audit log). */
export async function History({ resource: name, recordId, viewer }: { resource: string; recordId: string | number; viewer: Viewer }) {
  const [t, locale] = await Promise.all([getTranslations("history"), getLocale()]);
  const resource = getLocalResource(name, locale);
  const entries = (await listHistory(name, recordId)).map((e) => ({ ...visibleChanges(e, viewer), id: e.id, at: e.at, address: e.address }));
  const [labels, words] = await Promise.all([entryLabels(entries, viewer), auditWords()]);
  return (
    <section aria-labelledby="history-heading" className="mt-8">
      <h2 id="history-heading" className="mb-3 text-lg font-semibold">
        {t("heading")}
      </h2>
      {entries.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">{t("none")}</p>
      ) : (
        <ol className="card divide-y divide-zinc-100 dark:divide-zinc-800">
          {entries.map((e) => {
            const said = describeParts(e, resource, labels.current(e) ?? knownLabel(e, resource), labels.lookup, words);
            // The actor's email and address are data; "unknown" is a word.
            const who = e.actorEmail ? { actor: e.actorEmail, who: data } : { actor: t("unknown"), who: (chunks: React.ReactNode) => chunks };
            return (
              <li key={e.id} className="px-4 py-3 text-sm">
                <p className="break-words">
                  <a href={`/admin/audit/${e.id}`} className="link">
                    <Said parts={e.action === "update" && said.changes ? said.changes : said.action} />
                  </a>
                  {e.action !== "update" && said.changes ? (
                    <>
                      {" "}
                      <Said parts={said.changes} />
                    </>
                  ) : null}
                </p>
                <p className="text-xs text-zinc-500 dark:text-zinc-400">
                  {e.address ? t.rich("byFrom", { ...who, address: e.address, where: data }) : t.rich("by", who)} <LocalTime iso={e.at.toISOString()} />
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
