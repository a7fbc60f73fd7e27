import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { facetCounts, facetKey, type FacetChoice, type FacetCount } from "@/lib/resources/engine/facets";
import { filterParams, listHref, type ActiveFilter, type ListQuery } from "@/lib/resources/engine/params";
import type { Viewer } from "@/lib/resources/scope";
import type { FilterDef, Resource } from "@/lib/resources/types";
import { DateForm, PickerForm, RangeForm } from "./filter-forms";
import { filterGroups, type FilterGroup } from "./filter-groups";
import { sentenceCase } from "@/lib/i18n/noun";
import { numberFormat } from "@/lib/i18n/numbers";

/**
 * The list's filters as Django's list_filter sidebar: one-click choices as
 * plain links (the active one marked aria-current), a small GET form where a
 * click cannot choose. Server-rendered, works without JavaScript. On wide
 * screens a sidebar beside the list; on phones the same markup is a closed
 * "Filters" disclosure above it (app/styles/filters.css). Counts only on
 * request ("Show counts", `facets=1`), bounded (see engine/facets.ts).
 */

function countText(c: FacetCount | undefined, format: Intl.NumberFormat): string | null {
  return c ? `${format.format(c.count)}${c.capped ? "+" : ""}` : null;
}

function ChoiceLinks({ base, query, group, counts, format }: { base: string; query: ListQuery; group: FilterGroup; counts?: Map<string, FacetCount>; format: Intl.NumberFormat }) {
  const others = query.filters.filter((f) => f.def.param !== group.def.param);
  return (
    <ul>
      {group.choices.map((c) => {
        const params = filterParams({ ...query, filters: c.filter ? [...others, c.filter] : others });
        const count = countText(counts?.get(facetKey(group.def.param, c.key)), format);
        return (
          <li key={c.key}>
            <a href={listHref(base, query, { filters: params, page: 1 })} aria-current={c.current ? "true" : undefined}>
              {c.data ? <span translate="no">{c.label}</span> : c.label}
              {count ? <span className="facet-count"> ({count})</span> : null}
            </a>
          </li>
        );
      })}
    </ul>
  );
}

function GroupForm({ base, query, group, def, active }: { base: string; query: ListQuery; group: FilterGroup; def: FilterDef; active?: ActiveFilter }) {
  const props = { base, query, def, label: group.label, active };
  if (group.form === "range") return <RangeForm {...props} money={group.money} />;
  if (group.form === "date") return <DateForm {...props} />;
  if (group.form === "picker") return <PickerForm {...props} lookup={group.lookup!} refLabel={group.refLabel} />;
  return null;
}

export async function FilterSidebar({ resource, query, viewer }: { resource: Resource; query: ListQuery; viewer: Viewer }) {
  const groups = await filterGroups(resource, query, viewer);
  if (!groups.length) return null;
  const base = `/admin/${resource.name}`;
  const active = new Map(query.filters.map((f) => [f.def.param, f]));
  const choices: FacetChoice[] = query.facets ? groups.flatMap((g) => g.choices.map((c) => ({ param: g.def.param, key: c.key, filter: c.filter }))) : [];
  const [counts, t, values, locale] = await Promise.all([choices.length ? facetCounts(resource, query, viewer, choices) : undefined, getTranslations("filters"), getTranslations("values"), getLocale()]);
  const inText = sentenceCase(values("labelCase"));
  const format = numberFormat(locale);
  return (
    <details className="filter-panel">
      <summary>
        {t("title")}
        {query.filters.length ? ` ${t("active", { count: query.filters.length })}` : ""}
      </summary>
      <nav aria-label={t("nav")} className="filter-sidebar">
        <a href={listHref(base, query, { facets: !query.facets })} className="facet-toggle">
          {query.facets ? t("hideCounts") : t("showCounts")}
        </a>
        {groups.map((g) => (
          <section key={g.def.param} aria-labelledby={`filter-${g.def.param}`}>
            <h2 id={`filter-${g.def.param}`}>{t("by", { label: inText(g.label) })}</h2>
            {g.choices.length ? <ChoiceLinks base={base} query={query} group={g} counts={counts} format={format} /> : null}
            <GroupForm base={base} query={query} group={g} def={g.def} active={active.get(g.def.param)} />
          </section>
        ))}
      </nav>
    </details>
  );
}
