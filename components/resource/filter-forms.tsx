import { useServerLocale, useServerTranslations } from "@/lib/i18n/server";
import { filterParams, sortToken, type ActiveFilter, type ListQuery } from "@/lib/resources/engine/params";
import { centsToDecimal } from "@/lib/resources/money";
import type { FilterDef } from "@/lib/resources/types";
import { sentenceCase } from "@/lib/i18n/noun";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { ReferencePicker } from "./reference-picker";

/**
 * The sidebar's small GET forms, for what one click cannot choose: a number
 * range, a custom date range and a reference to a large table. Each carries
 * the rest of the list state as hidden fields; empty fields are left out of
 * the address (clean-get-forms.tsx, and the page redirects if they come).
 */

/** The forms' words (sync server components: useServerTranslations). */
function useWords(label: string) {
  const t = useServerTranslations("filters");
  const inText = sentenceCase(useServerTranslations("values")("labelCase"));
  return { from: t("from", { label }), to: t("to", { label }), min: t("min"), max: t("max"), go: t("go"), filterBy: t("filterBy", { label: inText(label) }) };
}

/** The list state as hidden fields, but for `except`'s own filter and the page. */
export function StateFields({ query, except }: { query: ListQuery; except?: string }) {
  const sort = sortToken(query.sort);
  const kept = filterParams({ ...query, filters: query.filters.filter((f) => f.def.param !== except) });
  return (
    <>
      {query.q && except !== "q" ? <input type="hidden" name="q" value={query.q} /> : null}
      {kept.map(([k, v], i) => (
        <input key={`${k}-${i}`} type="hidden" name={k} value={v} />
      ))}
      {sort !== query.defaultSort ? <input type="hidden" name="sort" value={sort} /> : null}
      {query.per !== 25 ? <input type="hidden" name="per" value={query.per} /> : null}
      {query.facets ? <input type="hidden" name="facets" value="1" /> : null}
    </>
  );
}

interface FormProps {
  base: string;
  query: ListQuery;
  def: FilterDef;
  label: string;
  active?: ActiveFilter;
}

export function RangeForm({ base, query, def, label, active, money }: FormProps & { money: boolean }) {
  const r = active?.kind === "range" ? active : undefined;
  const words = useWords(label);
  const locale = useServerLocale();
  // As the reader writes an amount ("4,50" in German); the list reads it back in the same locale.
  const show = (n?: number) => (n === undefined ? "" : money ? centsToDecimal(n, locale) : String(n));
  return (
    <form method="get" action={base} data-clean="" className="filter-form">
      <StateFields query={query} except={def.param} />
      <input aria-label={words.from} name={`${def.param}_min`} inputMode="decimal" defaultValue={show(r?.min)} placeholder={words.min} className="input" />
      <span aria-hidden="true">–</span>
      <input aria-label={words.to} name={`${def.param}_max`} inputMode="decimal" defaultValue={show(r?.max)} placeholder={words.max} className="input" />
      <button type="submit" className="btn-secondary" aria-label={words.filterBy}>
        {words.go}
      </button>
    </form>
  );
}

/** A custom date range: the days given (a quick range's days are not shown here). */
export function DateForm({ base, query, def, label, active }: FormProps) {
  const r = active?.kind === "date-range" && !active.preset ? active : undefined;
  const words = useWords(label);
  return (
    <form method="get" action={base} data-clean="" className="filter-form">
      <StateFields query={query} except={def.param} />
      <input type="date" aria-label={words.from} name={`${def.param}_from`} defaultValue={r?.days?.from ?? ""} className="input" />
      <span aria-hidden="true">–</span>
      <input type="date" aria-label={words.to} name={`${def.param}_to`} defaultValue={r?.days?.to ?? ""} className="input" />
      <button type="submit" className="btn-secondary" aria-label={words.filterBy}>
        {words.go}
      </button>
    </form>
  );
}

/** A reference to a table too large for one link per row: the type-ahead picker. */
export function PickerForm({ base, query, def, label, active, lookup, refLabel }: FormProps & { lookup: string; refLabel?: string }) {
  const r = active?.kind === "reference" ? active : undefined;
  const words = useWords(label);
  return (
    <form method="get" action={base} data-clean="" className="filter-form">
      <StateFields query={query} except={def.param} />
      <ClientMessages namespaces={["picker"]}>
        <ReferencePicker name={def.param} label={words.filterBy} lookup={lookup} initialId={r ? String(r.value) : undefined} initialLabel={r ? refLabel : undefined} />
      </ClientMessages>
      <button type="submit" className="btn-secondary">
        {words.go}
      </button>
    </form>
  );
}
