import Link from "next/link";
import { listHistory } from "@/lib/audit/queries";
import { LocalTime } from "../local-time";
import { FieldValue } from "./value";

const changesField = { key: "changes", label: "Changes", type: "json" as const };

/** A record's audit trail, newest first (shown to users who may view the audit log). */
export async function History({ resource, recordId }: { resource: string; recordId: string | number }) {
  const entries = await listHistory(resource, recordId);
  return (
    <section aria-labelledby="history-heading" className="mt-8">
      <h2 id="history-heading" className="mb-3 text-lg font-semibold">
        History
      </h2>
      {entries.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">No recorded changes.</p>
      ) : (
        <ol className="card divide-y divide-zinc-100 dark:divide-zinc-800">
          {entries.map((e) => (
            <li key={e.id} className="px-4 py-3 text-sm">
              <p>
                <Link href={`/admin/audit/${e.id}`} className="link">
                  {e.action}
                </Link>{" "}
                by {e.actorEmail ?? "unknown"} {e.address ? `from ${e.address}` : ""} · <LocalTime iso={e.at.toISOString()} />
              </p>
              {e.changes && Object.keys(e.changes).length ? (
                <div className="mt-2">
                  <FieldValue field={changesField} value={e.changes} />
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
