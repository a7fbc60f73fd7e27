import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { cache } from "react";
import { entryLabels, visibleChanges } from "@/lib/audit/labels";
import { getAuditEntry } from "@/lib/audit/queries";
import { Said } from "@/lib/audit/said";
import { auditWords, describeParts, formatPart, headingParts, knownLabel, realChanges, type Part } from "@/lib/audit/sentence";
import { getLocalResource } from "@/lib/resources/localize";
import type { DetailsPanelProps } from "@/lib/resources/types";

/** The entry as the reader may see it, read once per request for the heading and the panel. */
const readEntry = cache(async (id: string, viewer: DetailsPanelProps["viewer"]) => {
  const raw = /^\d+$/.test(id) ? await getAuditEntry(Number(id)) : null;
  if (!raw) return null;
  const entry = visibleChanges(raw, viewer);
  const resource = entry.resource ? getLocalResource(entry.resource, await getLocale()) : undefined;
  const [labels, words] = await Promise.all([entryLabels([entry], viewer), auditWords()]);
  return { entry, resource, labels, words, label: labels.current(entry) ?? knownLabel(entry, resource) };
});

/** "alice@example.com changed item “Hammer”": the entry page's heading. */
export async function AuditEntryHeading({ recordId, viewer, fallback }: DetailsPanelProps & { fallback: string }) {
  const read = await readEntry(recordId, viewer);
  return read ? <Said parts={headingParts(read.entry, read.resource, read.label, read.words)} /> : <span translate="no">{fallback}</span>;
}

/** What the entry says in words, and each changed field with its label and its values as the panel shows them. */
export async function AuditEntryPanel({ recordId, viewer }: DetailsPanelProps) {
  const [read, t] = await Promise.all([readEntry(recordId, viewer), getTranslations("history.entry")]);
  if (!read) return null;
  const { entry, resource, labels, label, words } = read;
  const said = describeParts(entry, resource, label, labels.lookup, words);
  const changes = realChanges(entry.changes);
  return (
    <section aria-labelledby="entry-heading" className="card mt-6 p-5 text-sm">
      <h2 id="entry-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="mt-2 break-words">
        <Said parts={said.action} />
      </p>
      {said.changes ? (
        <p className="mt-1 break-words">
          <Said parts={said.changes} />
        </p>
      ) : null}
      {changes.length ? (
        <div className="mt-4 overflow-x-auto">
          <table className="audit-changes">
            <caption className="sr-only">{t("changes")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("field")}</th>
                <th scope="col">{t("before")}</th>
                <th scope="col">{t("after")}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map(([key, change]) => {
                const field = resource?.fieldMap.get(key);
                // A value is data; "empty", "Yes", "another user" are words in the reader's language.
                const show = (v: unknown): Part => (field ? formatPart(field, v, labels.lookup, words) : { data: typeof v === "string" ? v : JSON.stringify(v) });
                return (
                  <tr key={key}>
                    <th scope="row">{field?.label ?? key}</th>
                    <td>
                      <Said parts={[show(change.before)]} />
                    </td>
                    <td>
                      <Said parts={[show(change.after)]} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
