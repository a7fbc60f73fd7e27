import type { RecentEntry } from "@/lib/audit/recent";
import { DateTime } from "./resource/value";

/** A panel of audit entries, newest first, like Django admin's "Recent actions". */
export function RecentActions({ title, entries, showActor = false }: { title: string; entries: RecentEntry[]; showActor?: boolean }) {
  const id = showActor ? "recent-everyone-heading" : "recent-own-heading";
  return (
    <section aria-labelledby={id} className="card p-5">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {entries.length === 0 ? (
        <p className="mt-2 text-sm text-zinc-500 dark:text-zinc-400">Nothing yet.</p>
      ) : (
        <ol className="mt-3 divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
          {entries.map((e) => (
            <li key={e.id} className="py-2">
              <p>
                {e.entryHref ? (
                  <a href={e.entryHref} className="link">
                    {e.action}
                  </a>
                ) : (
                  e.action
                )}
                {e.record ? (
                  <>
                    {" "}
                    {e.noun ? <span className="text-zinc-500 dark:text-zinc-400">{e.noun} </span> : null}
                    {e.record.href ? (
                      <a href={e.record.href} className="link">
                        {e.record.text}
                      </a>
                    ) : (
                      <span>{e.record.text}</span>
                    )}
                  </>
                ) : null}
              </p>
              <p className="text-xs text-zinc-500 dark:text-zinc-400">
                {showActor ? `${e.actorEmail ?? "unknown"} · ` : null}
                <DateTime value={e.at} />
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
