import type { Metadata } from "next";
import { translator } from "@/lib/i18n/translator";
import { redirect } from "next/navigation";
import { bulkAction } from "@/lib/resources/bulk-actions";
import { inlineEditAction } from "@/lib/resources/inline-actions";
import { allowedActions, requireResource } from "@/lib/resources/access";
import { currentLocale } from "@/lib/i18n/server";
import { filterParams, listHref, parseListQuery, sortToken, withoutEmptyParams, type RawParams } from "@/lib/resources/engine/params";
import { listRows } from "@/lib/resources/panel";
import { BULK_SET, inlineField } from "@/lib/resources/inline-edit";
import { getLocalResource } from "@/lib/resources/localize";
import { fixedFields } from "@/lib/resources/scope";
import { mayAct } from "@/lib/permissions";
import { BulkForm } from "@/components/resource/bulk-form";
import { NoScriptSetField } from "@/components/resource/bulk-noscript";
import { FilterSidebar } from "@/components/resource/filter-sidebar";
import { ListControls } from "@/components/resource/list-controls";
import { ListTable } from "@/components/resource/list-table";
import { ListPanel } from "@/components/resource/list-panels";
import { Notice } from "@/components/resource/notice";
import { Pagination } from "@/components/resource/pagination";
import { EmptyList } from "@/components/resource/empty-list";
import { sentenceCase } from "@/lib/i18n/noun";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { loadTimeZone } from "@/lib/time-zone";
import { formatNumber } from "@/lib/i18n/numbers";

/**
 * The words of the list's client components (BulkForm, and InlineEdit inside
 * it), under one provider: only those they say. The action names, "All N
 * matching" and the no-JavaScript "Set field…" are worded here on the server.
 */
const LIST_CLIENT_MESSAGES = [
  ...["withSelected", "choose", "apply", "applyTo", "selectedRows", "pageSelected", "selectAll", "allSelected", "clear", "confirm", "set.field", "set.value"].map((key) => `bulk.${key}`),
  "inline",
  ...["labelCase", "yes", "no", "empty"].map((key) => `values.${key}`),
];

type Props = { params: Promise<{ resource: string }>; searchParams: Promise<RawParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [name, locale] = [(await params).resource, await currentLocale()];
  return { title: getLocalResource(name, locale)?.label ?? (await translator("list"))("notFound") };
}

export default async function ResourceListPage({ params, searchParams }: Props) {
  const { user, resource } = await requireResource((await params).resource, "view");
  const raw = await searchParams;
  const base = `/admin/${resource.name}`;
  // A GET form sent without JavaScript writes its empty fields too: go to the address without them.
  const cleaned = withoutEmptyParams(raw);
  if (cleaned !== null) redirect(cleaned ? `${base}?${cleaned}` : base);
  // The viewer's time zone once: date filters mean the viewer's days, and each time cell renders synchronously (lib/time-zone.ts).
  const query = parseListQuery(resource, raw, await loadTimeZone(), await currentLocale());
  const result = await listRows(resource, query, user);
  const allowed = allowedActions(user, resource);
  const [t, tb, values, locale] = await Promise.all([translator("list"), translator("bulk"), translator("values"), currentLocale()]);
  const inText = sentenceCase(values("labelCase"));
  const label = inText(resource.label);
  const totalText = `${formatNumber(result.total, locale)}${result.totalCapped ? "+" : ""}`;
  // Fields the user may change from the list: in place, and with "Set field…".
  const fixed = await fixedFields(resource, user);
  const settable = allowed.update ? resource.fields.filter((f) => f.inlineEdit && !fixed.has(f.key)) : [];
  const setFields = settable.map(inlineField);
  const bulk = [
    ...(allowed.delete ? [{ name: "delete", label: tb("delete") }] : []),
    ...(resource.bulkActions ?? []).filter((a) => mayAct(user.access, resource, a.action)).map((a) => ({ name: a.name, label: a.label })),
    ...(settable.length ? [{ name: BULK_SET, label: tb("setField") }] : []),
  ];
  // Shown above the rows; a refused bulk action's message takes its place.
  const notice = <Notice kind={raw.notice} count={raw.count} names={resource} kinds={["deleted", "bulk"]} />;
  const exportQuery = new URLSearchParams([...(query.q ? [["q", query.q]] : []), ...filterParams(query), ["sort", sortToken(query.sort)]]);
  return (
    <div>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{resource.label}</h1>
        <div className="flex gap-2">
          {allowed.export ? (
            <a href={`${base}/export?${exportQuery}`} className="btn-secondary" download>
              {t("exportCsv")}
            </a>
          ) : null}
          {allowed.create ? (
            <a href={`${base}/new`} className="btn-primary">
              {t("new", { singular: inText(resource.singular) })}
            </a>
          ) : null}
        </div>
      </div>
      {resource.listPanel ? <ListPanel name={resource.listPanel} viewer={user} /> : null}
      <ListControls resource={resource} query={query} viewer={user} />
      <div className="list-layout">
        <FilterSidebar resource={resource} query={query} viewer={user} />
        <div className="list-main">
          {result.rows.length === 0 && result.total === 0 ? (
            <>
              {notice}
              <EmptyList names={resource} query={query} base={base} canCreate={allowed.create} />
            </>
          ) : (
            <ClientMessages namespaces={LIST_CLIENT_MESSAGES}>
              <BulkForm action={bulkAction.bind(null, resource.name)} actions={bulk} setFields={setFields} noScriptSetField={setFields.length ? <NoScriptSetField fields={setFields} /> : null} back={listHref(base, query, { page: result.page })} nouns={{ singular: inText(resource.singular), label }} total={{ count: result.total, text: totalText, allMatching: tb("allMatching", { total: totalText, label }) }} notice={notice}>
                <ListTable resource={resource} query={query} rows={result.rows} selectable={bulk.length > 0} inlineAction={settable.length ? inlineEditAction.bind(null, resource.name) : undefined} inlineKeys={new Set(settable.map((f) => f.key))} />
              </BulkForm>
            </ClientMessages>
          )}
          <Pagination base={base} query={query} result={result} />
        </div>
      </div>
    </div>
  );
}
