import type { Metadata } from "next";
import { saveRecordAction } from "@/lib/resources/actions";
import { allowedActions, editPolicyFor, requireResource } from "@/lib/resources/access";
import { parseRouteId } from "@/lib/resources/engine/ids";
import { defaultValues, formSpec } from "@/lib/resources/form-spec";
import { noticeText, parseNoticeKind } from "@/lib/resources/notice-text";
import { getRecord } from "@/lib/resources/panel";
import { getResource } from "@/lib/resources/registry";
import { Flash } from "@/components/flash";
import { RecordForm } from "@/components/resource/record-form";

type Props = { params: Promise<{ resource: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const ADD_ANOTHER = (singular: string) => `You may add another ${singular.toLowerCase()} below.`;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const r = getResource((await params).resource);
  return { title: r ? `New ${r.singular.toLowerCase()}` : "Not found" };
}

export default async function ResourceCreatePage({ params, searchParams }: Props) {
  const { resource, user } = await requireResource((await params).resource, "create");
  const policy = await editPolicyFor(resource, user, null);
  const base = `/admin/${resource.name}`;
  // After "Save and add another": what was saved, its title read as the user may view it (none if they may not).
  const { notice, saved } = await searchParams;
  const kind = parseNoticeKind(notice);
  const savedId = kind === "created" || kind === "updated" ? parseRouteId(resource, typeof saved === "string" ? saved : "") : null;
  const record = savedId === null ? null : await getRecord(resource, savedId, user);
  return (
    <div className="max-w-2xl">
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <a href={base} className="link">
          {resource.label}
        </a>
      </nav>
      {kind === "created" || kind === "updated" ? <Flash className="mb-4" text={`${noticeText(kind, resource, { title: record?.title })} ${ADD_ANOTHER(resource.singular)}`} /> : null}
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">New {resource.singular.toLowerCase()}</h1>
      <RecordForm
        key={typeof saved === "string" ? saved : "new"}
        action={saveRecordAction.bind(null, resource.name, null)}
        fields={await formSpec(resource, "create", null, { policy, viewer: user })}
        initial={defaultValues(resource)}
        cancelHref={base}
        addAnother
        continueEditing={allowedActions(user, resource).update}
      />
    </div>
  );
}
