import { filterParams, listHref, type ActiveFilter, type ListQuery } from "@/lib/resources/engine/params";
import { labelsFor } from "@/lib/resources/panel";
import { mayAct } from "@/lib/permissions";
import { getResource } from "@/lib/resources/registry";
import type { Viewer } from "@/lib/resources/scope";
import { centsToDecimal, formatMoney } from "@/lib/resources/money";
import type { FilterDef, Resource } from "@/lib/resources/types";
import { ReferencePicker } from "./reference-picker";

function chipText(resource: Resource, f: ActiveFilter, refLabel?: string): string {
  const field = resource.fieldMap.get(f.def.field)!;
  const money = field.type === "money";
  const num = (n: number) => (money ? formatMoney(n) : n.toLocaleString("en-US"));
  const day = (d: Date) => d.toISOString().slice(0, 10);
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
      return `${field.label}: ${f.from ? day(f.from) : "…"} – ${f.to ? day(f.to) : "…"}`;
  }
}

function FilterInput({ resource, def, active, refLabel }: { resource: Resource; def: FilterDef; active?: ActiveFilter; refLabel?: string }) {
  const field = resource.fieldMap.get(def.field)!;
  const label = def.label ?? field.label;
  const id = `filter-${def.param}`;
  switch (def.type) {
    case "enum": {
      const chosen = active?.kind === "enum" ? active.values : [];
      return (
        <fieldset className="min-w-0">
          <legend className="label mb-1">{label}</legend>
          <div className="flex max-h-32 flex-wrap gap-x-3 gap-y-1 overflow-y-auto">
            {field.options?.map((o) => (
              <label key={o} className="check">
                <input type="checkbox" name={def.param} value={o} defaultChecked={chosen.includes(o)} />
                {o}
              </label>
            ))}
          </div>
        </fieldset>
      );
    }
    case "boolean":
      return (
        <div>
          <label htmlFor={id} className="label mb-1">
            {label}
          </label>
          <select id={id} name={def.param} defaultValue={active?.kind === "boolean" ? String(active.value) : ""} className="input">
            <option value="">Any</option>
            <option value="true">Yes</option>
            <option value="false">No</option>
          </select>
        </div>
      );
    case "range": {
      const money = field.type === "money";
      const show = (n?: number) => (n === undefined ? "" : money ? centsToDecimal(n) : String(n));
      const r = active?.kind === "range" ? active : undefined;
      return (
        <fieldset>
          <legend className="label mb-1">{label}</legend>
          <div className="flex items-center gap-2">
            <input aria-label={`${label} from`} name={`${def.param}_min`} inputMode="decimal" defaultValue={show(r?.min)} placeholder="min" className="input w-24" />
            <span aria-hidden="true">–</span>
            <input aria-label={`${label} to`} name={`${def.param}_max`} inputMode="decimal" defaultValue={show(r?.max)} placeholder="max" className="input w-24" />
          </div>
        </fieldset>
      );
    }
    case "date-range": {
      const r = active?.kind === "date-range" ? active : undefined;
      const day = (d?: Date) => (d ? d.toISOString().slice(0, 10) : "");
      return (
        <fieldset>
          <legend className="label mb-1">{label}</legend>
          <div className="flex items-center gap-2">
            <input type="date" aria-label={`${label} from`} name={`${def.param}_from`} defaultValue={day(r?.from)} className="input w-40" />
            <span aria-hidden="true">–</span>
            <input type="date" aria-label={`${label} to`} name={`${def.param}_to`} defaultValue={day(r?.to)} className="input w-40" />
          </div>
        </fieldset>
      );
    }
    case "reference": {
      const r = active?.kind === "reference" ? active : undefined;
      return (
        <div>
          <span className="label mb-1">{label}</span>
          <ReferencePicker name={def.param} label={`Filter by ${label.toLowerCase()}`} lookup={`/admin/${resource.name}/lookup?field=${encodeURIComponent(field.key)}`} initialId={r ? String(r.value) : undefined} initialLabel={r ? refLabel : undefined} />
        </div>
      );
    }
  }
}

/**
 * Search box, filters and the active filters as removable chips: a plain GET
 * form, so the URL holds the state, with plain links (no client component but
 * the reference picker).
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
  // A reference filter's picker looks up the other resource: only for those who may view it.
  const filters = (resource.filters ?? []).filter((def) => {
    const field = resource.fieldMap.get(def.field);
    const target = field?.reference?.resource ?? field?.many?.resource;
    const targetResource = target ? getResource(target) : undefined;
    return def.type !== "reference" || (!!targetResource && mayAct(viewer.access, targetResource, "view"));
  });
  const sort = `${query.sort.desc ? "-" : ""}${query.sort.key}`;
  const active = new Map(query.filters.map((f) => [f.def.param, f]));
  return (
    <div className="mb-4 space-y-3">
      <form method="get" action={base} role="search" className="space-y-3">
        <input type="hidden" name="sort" value={sort} />
        {query.per !== 25 ? <input type="hidden" name="per" value={query.per} /> : null}
        <div className="flex gap-2">
          <label htmlFor="q" className="sr-only">
            Search {resource.label.toLowerCase()}
          </label>
          <input id="q" name="q" type="search" defaultValue={query.q} placeholder={`Search ${resource.label.toLowerCase()}…`} className="input max-w-md" />
          <button type="submit" className="btn-primary">
            Search
          </button>
        </div>
        {filters.length ? (
          <details className="card p-4" open={query.filters.length > 0}>
            <summary className="cursor-pointer text-sm font-medium">Filters</summary>
            <div className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {filters.map((def) => (
                <FilterInput key={def.param} resource={resource} def={def} active={active.get(def.param)} refLabel={refLabels.get(def.param)} />
              ))}
            </div>
            <div className="mt-4 flex gap-2">
              <button type="submit" className="btn-secondary">
                Apply filters
              </button>
            </div>
          </details>
        ) : null}
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
