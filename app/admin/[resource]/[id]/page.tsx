import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { allowedOn, requireResource } from "@/lib/resources/access";
import { currentLocale } from "@/lib/i18n/server";
import { parseRouteId } from "@/lib/resources/engine/ids";
import { getRecord } from "@/lib/resources/panel";
import { getLocalResource } from "@/lib/resources/localize";
import { translator } from "@/lib/i18n/translator";
import { Breadcrumb } from "@/components/resource/breadcrumb";
import { Notice } from "@/components/resource/notice";
import { FieldValue } from "@/components/resource/value";
import { History } from "@/components/resource/history";
import { RelatedRecords } from "@/components/resource/related";
import { DetailsHeading, DetailsPanel } from "@/components/resource/details-panels";
import { can } from "@/lib/permissions";
import { isWritable } from "@/lib/resources/writable";
import { loadTimeZone } from "@/lib/time-zone";

type Props = { params: Promise<{ resource: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [locale, t] = await Promise.all([currentLocale(), translator("record")]);
  return { title: getLocalResource((await params).resource, locale)?.singular ?? t("notFound") };
}

export default async function ResourceDetailsPage({ params, searchParams }: Props) {
  const { resource: name, id: rawId } = await params;
  const { user, resource } = await requireResource(name, "view");
  const id = parseRouteId(resource, rawId);
  const [record, t] = await Promise.all([id === null ? null : getRecord(resource, id, user), translator("record.details"), loadTimeZone()]);
  if (!record) notFound();
  const allowed = { update: allowedOn(user, resource, "update", record), delete: allowedOn(user, resource, "delete", record) };
  const base = `/admin/${resource.name}`;
  const { notice } = await searchParams;
  return (
    <div>
      <Breadcrumb resource={resource} />
      <Notice kind={notice} title={record.title} names={resource} kinds={["created", "updated"]} />
      <div className="mb-6 flex flex-wrap items-start justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight break-all">{resource.detailsPanel ? <DetailsHeading name={resource.detailsPanel} recordId={String(record.id)} viewer={user} fallback={record.title} /> : <span translate="no">{record.title}</span>}</h1>
        <div className="flex flex-wrap items-start gap-2">
          {allowed.update ? (
            <a href={`${base}/${encodeURIComponent(String(record.id))}/edit`} className="btn-primary">
              {t("edit")}
            </a>
          ) : null}
          {allowed.delete ? (
            // A page of its own (what else changes, works without JavaScript), as Django's.
            <a href={`${base}/${encodeURIComponent(String(record.id))}/delete`} className="btn-danger">
              {t("delete")}
            </a>
          ) : null}
        </div>
      </div>
      <dl className="card divide-y divide-zinc-100 dark:divide-zinc-800">
        {resource.fields
          .filter((f) => !f.hidden && f.details !== false)
          .map((f) => (
            <div key={f.key} className="grid gap-1 px-4 py-3 sm:grid-cols-3 sm:gap-4">
              <dt className="text-sm text-zinc-500 dark:text-zinc-400">{f.label}</dt>
              <dd className="text-sm sm:col-span-2 break-words">
                <FieldValue field={f} value={record.values[f.key]} refValue={record.refs[f.key]} many={record.many[f.key]} />
              </dd>
            </div>
          ))}
      </dl>
      {resource.detailsPanel ? <DetailsPanel name={resource.detailsPanel} recordId={String(record.id)} viewer={user} notice={typeof notice === "string" ? notice : undefined} /> : null}
      <RelatedRecords resource={resource} id={record.id} viewer={user} />
      {isWritable(resource) && can(user.access, "audit:view") ? <History resource={resource.name} recordId={record.id} viewer={user} /> : null}
    </div>
  );
}
