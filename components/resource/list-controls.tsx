import { filterParams, listHref, type ActiveFilter, type ListQuery } from "@/lib/resources/engine/params";
import { labelsFor } from "@/lib/resources/panel";
import type { Viewer } from "@/lib/resources/scope";
import { formatMoney } from "@/lib/resources/money";
import type { Resource } from "@/lib/resources/types";
import { CleanGetForms } from "./clean-get-forms";
import { StateFields } from "./filter-forms";

const PRESET_WORDS = { today: "Today", "7d": "Past 7 days", month: "This month", year: "This year" } as const;

function chipText(resource: Resource, f: ActiveFilter, refLabel?: string): string {
  const field = resource.fieldMap.get(f.def.field)!;
  const money = field.type === "money";
  const num = (n: number) => (money ? formatMoney(n) : n.toLocaleString("en-US"));
  switch (f.kind) {
    case "enum":
      return `${field.label}: ${f.values.join(", ")}`;
    case "boolean":
      return `${field.label}: ${f.value ? "yes" : "no"}`;
    case "reference":
      return `${field.label}: ${refLabel ?? f.value}`;
    case "range":
      return `${field.label}: ${f.min !== undefined ? num(f.min) : "…"} – ${f.max !== undefined ? num(f.max) : "…"}`;
    case "date-range":
      if (f.preset) return `${field.label}: ${PRESET_WORDS[f.preset]}`;
      return `${field.label}: ${f.days?.from ?? "…"} – ${f.days?.to ?? "…"}`;
  }
}

/**
 * Search box and the active filters as removable chips: a plain GET form, so
 * the URL holds the state, and plain links. The filters themselves are in the
 * sidebar (filter-sidebar.tsx).
 */
export async function ListControls({ resource, query, viewer }: { resource: Resource; query: ListQuery; viewer: Viewer }) {
  const base = `/admin/${resource.name}`;
  // The titles of the records that reference filters name, for their pickers and
  // chips: only for a row the user may view (otherwise the id alone).
  const refLabels = new Map<string, string | undefined>();
  for (const f of query.filters) {
    const field = resource.fieldMap.get(f.def.field);
    const target = field?.reference?.resource ?? field?.many?.resource;
    if (f.kind === "reference" && target) refLabels.set(f.def.param, (await labelsFor(target, [f.value], viewer)).get(f.value));
  }
  return (
    <div className="mb-4 space-y-3">
      <CleanGetForms />
      <form method="get" action={base} role="search" data-clean="" className="flex gap-2">
        <StateFields query={query} except="q" />
        <label htmlFor="q" className="sr-only">
          Search {resource.label.toLowerCase()}
        </label>
        <input id="q" name="q" type="search" defaultValue={query.q} placeholder={`Search ${resource.label.toLowerCase()}…`} className="input max-w-md" />
        <button type="submit" className="btn-primary">
          Search
        </button>
      </form>
      {query.filters.length || query.q ? (
        <ul aria-label="Active filters" className="flex flex-wrap items-center gap-2 text-sm">
          {query.q ? (
            <li>
              <a href={listHref(base, { ...query, q: "" }, { page: 1 })} className="chip" aria-label={`Remove search ${query.q}`}>
                Search: {query.q} <span aria-hidden="true">×</span>
              </a>
            </li>
          ) : null}
          {query.filters.map((f) => {
            const rest = filterParams({ ...query, filters: query.filters.filter((x) => x !== f) });
            const field = resource.fieldMap.get(f.def.field)!;
            const refLabel = f.kind === "reference" && (field.reference || field.many) ? refLabels.get(f.def.param) : undefined;
            const text = chipText(resource, f, refLabel);
            return (
              <li key={f.def.param}>
                <a href={listHref(base, query, { filters: rest, page: 1 })} className="chip" aria-label={`Remove filter ${text}`}>
                  {text} <span aria-hidden="true">×</span>
                </a>
              </li>
            );
          })}
          <li>
            <a href={listHref(base, { ...query, q: "" }, { filters: [], page: 1 })} className="link">
              Clear all
            </a>
          </li>
        </ul>
      ) : null}
    </div>
  );
}
