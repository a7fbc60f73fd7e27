import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { saveRecordAction } from "@/lib/resources/actions";
import { allowedActions, allowedOn, editPolicyFor, requireResource } from "@/lib/resources/access";
import { currentLocale } from "@/lib/i18n/server";
import { parseRouteId } from "@/lib/resources/engine/ids";
import { getRecord } from "@/lib/resources/panel";
import { formSpec, formValues } from "@/lib/resources/form-spec";
import { getLocalResource } from "@/lib/resources/localize";
import { inSentence } from "@/lib/i18n/noun";
import { labelCaseOf } from "@/lib/resources/catalogue";
import { translator } from "@/lib/i18n/translator";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { Breadcrumb } from "@/components/resource/breadcrumb";
import { RecordForm } from "@/components/resource/record-form";
import { Notice } from "@/components/resource/notice";

type Props = { params: Promise<{ resource: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [locale, t] = await Promise.all([currentLocale(), translator("record")]);
  const r = getLocalResource((await params).resource, locale);
  return { title: r ? t("edit.title", { item: inSentence(r.singular, labelCaseOf(locale)) }) : t("notFound") };
}

export default async function ResourceEditPage({ params, searchParams }: Props) {
  const { resource: name, id: rawId } = await params;
  const { resource, user } = await requireResource(name, "update");
  const id = parseRouteId(resource, rawId);
  const record = id === null ? null : await getRecord(resource, id, user, "update");
  if (!record) notFound();
  const [locale, t] = await Promise.all([currentLocale(), translator("record.edit")]);
  const href = `/admin/${resource.name}/${encodeURIComponent(String(record.id))}`;
  const policy = await editPolicyFor(resource, user, record.id);
  const { notice } = await searchParams;
  return (
    <div className="max-w-2xl">
      <Breadcrumb resource={resource} record={{ href, title: record.title }} />
      {/* After "Save and continue editing". */}
      <Notice kind={notice} title={record.title} names={resource} kinds={["created", "updated"]} />
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">{t("title", { item: inSentence(resource.singular, labelCaseOf(locale)) })}</h1>
      {policy.readOnly ? (
        <p role="status" className="card p-6 text-sm">
          {policy.readOnly}{" "}
          <a href={href} className="link">
            {t("back")}
          </a>
        </p>
      ) : (
        <ClientMessages namespaces={["record.form", "record.matrix", "picker", "values.labelCase"]}>
          <RecordForm
            key={record.version ?? "edit"}
            action={saveRecordAction.bind(null, resource.name, String(record.id))}
            fields={await formSpec(resource, "update", record, { policy, viewer: user })}
            initial={formValues(resource, record, locale)}
            cancelHref={href}
            version={record.version}
            addAnother={allowedActions(user, resource).create}
            continueEditing
            deleteHref={allowedOn(user, resource, "delete", record) ? `${href}/delete` : undefined}
          />
        </ClientMessages>
      )}
    </div>
  );
}
