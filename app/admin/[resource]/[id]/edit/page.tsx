import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { saveRecordAction } from "@/lib/resources/actions";
import { requireResource } from "@/lib/resources/access";
import { getRecord, parseId } from "@/lib/resources/engine/queries";
import { formSpec, formValues } from "@/lib/resources/form-spec";
import { getResource } from "@/lib/resources/registry";
import { RecordForm } from "@/components/resource/record-form";

type Props = { params: Promise<{ resource: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const r = getResource((await params).resource);
  return { title: r ? `Edit ${r.singular.toLowerCase()}` : "Not found" };
}

export default async function ResourceEditPage({ params }: Props) {
  const { resource: name, id: rawId } = await params;
  const { resource } = await requireResource(name, "update");
  const id = parseId(resource, decodeURIComponent(rawId));
  const record = id === null ? null : getRecord(resource, id);
  if (!record) notFound();
  const href = `/admin/${resource.name}/${encodeURIComponent(String(record.id))}`;
  return (
    <div className="max-w-2xl">
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <a href={`/admin/${resource.name}`} className="link">
          {resource.label}
        </a>
        <span aria-hidden="true"> / </span>
        <a href={href} className="link">
          {record.title}
        </a>
      </nav>
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">Edit {resource.singular.toLowerCase()}</h1>
      <RecordForm action={saveRecordAction.bind(null, resource.name, String(record.id))} fields={formSpec(resource, "update", record)} initial={formValues(resource, record)} submitLabel="Save changes" cancelHref={href} />
    </div>
  );
}
