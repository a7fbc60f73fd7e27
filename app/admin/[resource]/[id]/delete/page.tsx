import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { deleteRecordAction } from "@/lib/resources/actions";
import { requireResource } from "@/lib/resources/access";
import { currentLocale } from "@/lib/i18n/server";
import { parseRouteId } from "@/lib/resources/engine/ids";
import { deleteEffects, getRecord } from "@/lib/resources/panel";
import { getLocalResource } from "@/lib/resources/localize";
import { inSentence } from "@/lib/i18n/noun";
import { labelCaseOf } from "@/lib/resources/catalogue";
import { translator } from "@/lib/i18n/translator";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { Breadcrumb } from "@/components/resource/breadcrumb";
import { DeleteForm } from "@/components/resource/delete-button";
import { DeleteEffects } from "@/components/resource/delete-effects";

type Props = { params: Promise<{ resource: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [locale, t, record] = await Promise.all([currentLocale(), translator("deletion"), translator("record")]);
  const resource = getLocalResource((await params).resource, locale);
  return { title: resource ? t("title", { item: inSentence(resource.singular, labelCaseOf(locale)) }) : record("notFound") };
}

/**
 * Django's delete confirmation page: what will be deleted and what else it
 * changes, and a form that posts without JavaScript. Someone else's record
 * under an `:own` permission is not found, like a missing one; the action
 * re-checks all of it.
 */
export default async function DeleteRecordPage({ params }: Props) {
  const { resource: name, id: rawId } = await params;
  const { user, resource } = await requireResource(name, "delete");
  const id = parseRouteId(resource, rawId);
  const record = id === null ? null : await getRecord(resource, id, user, "delete");
  if (!record) notFound();
  const [effects, locale, t] = await Promise.all([deleteEffects(resource, record.id, user), currentLocale(), translator("deletion")]);
  const item = inSentence(resource.singular, labelCaseOf(locale));
  const href = `/admin/${resource.name}/${encodeURIComponent(String(record.id))}`;
  return (
    <div className="max-w-2xl">
      <Breadcrumb resource={resource} record={{ href, title: record.title }} />
      <h1 className="mb-4 text-2xl font-semibold tracking-tight">{t("title", { item })}</h1>
      <div className="card space-y-4 p-5">
        <p className="break-words">
          <strong>{t.rich("question", { item, title: record.title, data: (chunks) => <span translate="no">{chunks}</span> })}</strong> {t("undone")}
        </p>
        <DeleteEffects effects={effects} what={item} />
        <ClientMessages namespaces={["deletion.form"]}>
          <DeleteForm action={deleteRecordAction.bind(null, resource.name, String(record.id))} cancelHref={href} />
        </ClientMessages>
      </div>
    </div>
  );
}
