import type { Metadata } from "next";
import { saveRecordAction } from "@/lib/resources/actions";
import { editPolicyFor, requireResource } from "@/lib/resources/access";
import { defaultValues, formSpec } from "@/lib/resources/form-spec";
import { getResource } from "@/lib/resources/registry";
import { RecordForm } from "@/components/resource/record-form";

type Props = { params: Promise<{ resource: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const r = getResource((await params).resource);
  return { title: r ? `New ${r.singular.toLowerCase()}` : "Not found" };
}

export default async function ResourceCreatePage({ params }: Props) {
  const { resource, user } = await requireResource((await params).resource, "create");
  const policy = await editPolicyFor(resource, user, null);
  const base = `/admin/${resource.name}`;
  return (
    <div className="max-w-2xl">
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <a href={base} className="link">
          {resource.label}
        </a>
      </nav>
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">New {resource.singular.toLowerCase()}</h1>
      <RecordForm action={saveRecordAction.bind(null, resource.name, null)} fields={await formSpec(resource, "create", null, { policy, viewer: user })} initial={defaultValues(resource)} submitLabel={`Create ${resource.singular.toLowerCase()}`} cancelHref={base} />
    </div>
  );
}
