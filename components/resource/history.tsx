import { listHistory } from "@/lib/audit/queries";
import { entryLabels, visibleChanges } from "@/lib/audit/labels";
import { auditWords, describeEntry, knownLabel } from "@/lib/audit/sentence";
import { getResource } from "@/lib/resources/registry";
import type { Viewer } from "@/lib/resources/scope";
import { LocalTime } from "../local-time";

const WORDS = { heading: "History", none: "No recorded changes.", by: "by", unknown: "unknown", from: "from" };

/** A record's audit trail as sentences, newest first (shown to users who may view the audit log). */
export async function History({ resource: name, recordId, viewer }: { resource: string; recordId: string | number; viewer: Viewer }) {
  const resource = getResource(name);
  const entries = (await listHistory(name, recordId)).map((e) => ({ ...visibleChanges(e, viewer), id: e.id, at: e.at, address: e.address }));
  const [labels, words] = await Promise.all([entryLabels(entries, viewer), auditWords()]);
  return (
    <section aria-labelledby="history-heading" className="mt-8">
      <h2 id="history-heading" className="mb-3 text-lg font-semibold">
        {WORDS.heading}
      </h2>
      {entries.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">{WORDS.none}</p>
      ) : (
        <ol className="card divide-y divide-zinc-100 dark:divide-zinc-800">
          {entries.map((e) => {
            const said = describeEntry(e, resource, labels.current(e) ?? knownLabel(e, resource), labels.lookup, words);
            return (
              <li key={e.id} className="px-4 py-3 text-sm">
                <p className="break-words">
                  <a href={`/admin/audit/${e.id}`} className="link">
                    {e.action === "update" && said.changes ? said.changes : said.action}
                  </a>
                  {e.action !== "update" && said.changes ? ` ${said.changes}` : null}
                </p>
                <p className="text-xs text-zinc-500 dark:text-zinc-400">
                  {WORDS.by} {e.actorEmail ?? WORDS.unknown} {e.address ? `${WORDS.from} ${e.address} ` : ""}· <LocalTime iso={e.at.toISOString()} />
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
