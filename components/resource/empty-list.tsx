import type { ListQuery } from "@/lib/resources/engine/params";
import { plural } from "@/lib/resources/words";

/** Every word of an empty list, in one place. */
const WORDS = {
  noMatch: (label: string, q: string, filtered: boolean) => (q ? `No ${label} match “${q}”${filtered ? " with these filters" : ""}.` : `No ${label} match these filters.`),
  clear: "Clear search and filters",
  none: (label: string) => `No ${label} yet.`,
  first: (singular: string) => `Create the first ${singular}`,
};

/**
 * A list with no rows: under a search or filter it says so and offers to clear
 * them (never to create the first one); a truly empty table invites creating one.
 */
export function EmptyList({ names, query, base, canCreate }: { names: { label: string; singular: string }; query: ListQuery; base: string; canCreate: boolean }) {
  const label = plural(names.singular).toLowerCase();
  const filtered = query.filters.length > 0;
  if (query.q || filtered) {
    return (
      <div className="card empty-list">
        <p className="font-medium break-words">{WORDS.noMatch(label, query.q, filtered)}</p>
        <p>
          <a href={base} className="link">
            {WORDS.clear}
          </a>
        </p>
      </div>
    );
  }
  return (
    <div className="card empty-list">
      <p className="font-medium">{WORDS.none(label)}</p>
      {canCreate ? (
        <a href={`${base}/new`} className="btn-primary mt-4">
          {WORDS.first(names.singular.toLowerCase())}
        </a>
      ) : null}
    </div>
  );
}
