import type { Metadata } from "next";
import { saveRecordAction } from "@/lib/resources/actions";
import { allowedActions, editPolicyFor, requireResource } from "@/lib/resources/access";
import { currentLocale } from "@/lib/i18n/server";
import { parseRouteId } from "@/lib/resources/engine/ids";
import { defaultValues, formSpec } from "@/lib/resources/form-spec";
import { parseNoticeKind } from "@/lib/resources/notice-text";
import { getRecord } from "@/lib/resources/panel";
import { getLocalResource } from "@/lib/resources/localize";
import { inSentence } from "@/lib/i18n/noun";
import { labelCaseOf } from "@/lib/resources/catalogue";
import { translator } from "@/lib/i18n/translator";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { Notice } from "@/components/resource/notice";
import { RecordForm } from "@/components/resource/record-form";
import { Breadcrumb } from "@/components/resource/breadcrumb";

type Props = { params: Promise<{ resource: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [locale, t] = await Promise.all([currentLocale(), translator("record")]);
  const r = getLocalResource((await params).resource, locale);
  return { title: r ? t("new.title", { item: inSentence(r.singular, labelCaseOf(locale)) }) : t("notFound") };
}

export default async function ResourceCreatePage({ params, searchParams }: Props) {
  const { resource, user } = await requireResource((await params).resource, "create");
  const [locale, t] = await Promise.all([currentLocale(), translator("record.new")]);
  const item = inSentence(resource.singular, labelCaseOf(locale));
  const policy = await editPolicyFor(resource, user, null);
  const base = `/admin/${resource.name}`;
  // After "Save and add another": what was saved, its title read as the user may view it (none if they may not).
  const { notice, saved } = await searchParams;
  const kind = parseNoticeKind(notice);
  const savedId = kind === "created" || kind === "updated" ? parseRouteId(resource, typeof saved === "string" ? saved : "") : null;
  const record = savedId === null ? null : await getRecord(resource, savedId, user);
  return (
    <div className="max-w-2xl">
      <Breadcrumb resource={resource} />
      <Notice kind={kind} title={record?.title} names={resource} kinds={["created", "updated"]} then={t("addAnother", { item })} />
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">{t("title", { item })}</h1>
      <ClientMessages namespaces={["record.form", "record.matrix", "picker", "values.labelCase"]}>
        <RecordForm
          key={typeof saved === "string" ? saved : "new"}
          action={saveRecordAction.bind(null, resource.name, null)}
          fields={await formSpec(resource, "create", null, { policy, viewer: user })}
          initial={defaultValues(resource)}
          cancelHref={base}
          addAnother
          continueEditing={allowedActions(user, resource).update}
        />
      </ClientMessages>
    </div>
  );
}
