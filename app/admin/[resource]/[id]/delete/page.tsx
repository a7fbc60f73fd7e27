import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { deleteRecordAction } from "@/lib/resources/actions";
import { requireResource } from "@/lib/resources/access";
import { parseRouteId } from "@/lib/resources/engine/ids";
import { deleteEffects, getRecord } from "@/lib/resources/panel";
import { getResource } from "@/lib/resources/registry";
import { DeleteForm } from "@/components/resource/delete-button";
import { DeleteEffects } from "@/components/resource/delete-effects";

type Props = { params: Promise<{ resource: string; id: string }> };

const WORDS = {
  title: (singular: string) => `Delete ${singular.toLowerCase()}`,
  question: (singular: string, title: string) => `Delete the ${singular.toLowerCase()} “${title}”?`,
  undone: "This cannot be undone.",
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const resource = getResource((await params).resource);
  return { title: resource ? WORDS.title(resource.singular) : "Not found" };
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
  const effects = await deleteEffects(resource, record.id, user);
  const base = `/admin/${resource.name}`;
  const href = `${base}/${encodeURIComponent(String(record.id))}`;
  return (
    <div className="max-w-2xl">
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <a href={base} className="link">
          {resource.label}
        </a>
        <span aria-hidden="true"> / </span>
        <a href={href} className="link break-all">
          {record.title}
        </a>
      </nav>
      <h1 className="mb-4 text-2xl font-semibold tracking-tight">{WORDS.title(resource.singular)}</h1>
      <div className="card space-y-4 p-5">
        <p className="break-words">
          <strong>{WORDS.question(resource.singular, record.title)}</strong> {WORDS.undone}
        </p>
        <DeleteEffects effects={effects} what={resource.singular.toLowerCase()} />
        <DeleteForm action={deleteRecordAction.bind(null, resource.name, String(record.id))} cancelHref={href} />
      </div>
    </div>
  );
}
