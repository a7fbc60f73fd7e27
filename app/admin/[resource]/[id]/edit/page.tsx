import { requireResource } from "@/lib/resources/guard";

export default async function ResourceEditPage({ params }: { params: Promise<{ resource: string; id: string }> }) {
  const { resource } = await requireResource((await params).resource, "update");
  return <h1 className="text-2xl font-semibold tracking-tight">Edit {resource.label}</h1>;
}
