import { requireResource } from "@/lib/resources/guard";

export default async function ResourceDetailsPage({ params }: { params: Promise<{ resource: string; id: string }> }) {
  const { resource } = await requireResource((await params).resource, "view");
  return <h1 className="text-2xl font-semibold tracking-tight">{resource.label}</h1>;
}
