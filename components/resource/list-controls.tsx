import type { ReactNode } from "react";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { filterParams, listHref, type ActiveFilter, type ListQuery } from "@/lib/resources/engine/params";
import { labelsFor } from "@/lib/resources/panel";
import type { Viewer } from "@/lib/resources/scope";
import { optionLabel } from "@/lib/resources/localize";
import { formatMoney } from "@/lib/resources/money";
import type { Resource } from "@/lib/resources/types";
import { CleanGetForms } from "./clean-get-forms";
import { StateFields } from "./filter-forms";
import { sentenceCase } from "@/lib/i18n/noun";
import { formatNumber } from "@/lib/i18n/numbers";

type ListWords = Awaited<ReturnType<typeof getTranslations<"list">>>;
type FilterWords = Awaited<ReturnType<typeof getTranslations<"filters">>>;

/** A chip's value: as text for its accessible name, and as shown (a record's title marked as data). */
function chipValue(resource: Resource, f: ActiveFilter, t: ListWords, filters: FilterWords, locale: string, refLabel?: string): { text: string; shown: ReactNode } {
  const field = resource.fieldMap.get(f.def.field)!;
  const money = field.type === "money";
  const num = (n: number) => (money ? formatMoney(n, locale, field.currency) : formatNumber(n, locale));
  const words = (text: string) => ({ text, shown: text });
  switch (f.kind) {
    case "enum":
      return words(f.values.map((v) => optionLabel(field, v)).join(", "));
    case "boolean":
      return words(f.value ? t("chips.yes") : t("chips.no"));
    case "reference": {
      const text = refLabel ?? String(f.value);
      return { text, shown: <span translate="no">{text}</span> };
    }
    case "range":
      return words(t("chips.range", { min: f.min !== undefined ? num(f.min) : t("chips.open"), max: f.max !== undefined ? num(f.max) : t("chips.open") }));
    case "date-range":
      if (f.preset) return words(filters(`presets.${f.preset}`));
      return words(t("chips.range", { min: f.days?.from ?? t("chips.open"), max: f.days?.to ?? t("chips.open") }));
  }
}

/**
 * Search box and the active filters as removable chips: a plain GET form, so
 * the URL holds the state, and plain links. The filters themselves are in the
 * sidebar (filter-sidebar.tsx).
 */
export async function ListControls({ resource, query, viewer }: { resource: Resource; query: ListQuery; viewer: Viewer }) {
  const base = `/admin/${resource.name}`;
  const [t, filters, values, locale] = await Promise.all([getTranslations("list"), getTranslations("filters"), getTranslations("values"), getLocale()]);
  const label = sentenceCase(values("labelCase"))(resource.label);
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
          {t("search.label", { label })}
        </label>
        <input id="q" name="q" type="search" defaultValue={query.q} placeholder={t("search.placeholder", { label })} className="input max-w-md" />
        <button type="submit" className="btn-primary">
          {t("search.submit")}
        </button>
      </form>
      {query.filters.length || query.q ? (
        <ul aria-label={t("chips.group")} className="flex flex-wrap items-center gap-2 text-sm">
          {query.q ? (
            <li>
              <a href={listHref(base, { ...query, q: "" }, { page: 1 })} className="chip" aria-label={t("search.remove", { q: query.q })}>
                {t("search.chip")} <span translate="no">{query.q}</span> <span aria-hidden="true">×</span>
              </a>
            </li>
          ) : null}
          {query.filters.map((f) => {
            const rest = filterParams({ ...query, filters: query.filters.filter((x) => x !== f) });
            const field = resource.fieldMap.get(f.def.field)!;
            const refLabel = f.kind === "reference" && (field.reference || field.many) ? refLabels.get(f.def.param) : undefined;
            const name = t("chips.field", { field: field.label });
            const value = chipValue(resource, f, t, filters, locale, refLabel);
            return (
              <li key={f.def.param}>
                <a href={listHref(base, query, { filters: rest, page: 1 })} className="chip" aria-label={t("chips.remove", { filter: `${name} ${value.text}` })}>
                  {name} {value.shown} <span aria-hidden="true">×</span>
                </a>
              </li>
            );
          })}
          <li>
            <a href={listHref(base, { ...query, q: "" }, { filters: [], page: 1 })} className="link">
              {t("chips.clearAll")}
            </a>
          </li>
        </ul>
      ) : null}
    </div>
  );
}
