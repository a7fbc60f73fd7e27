import { requireResource } from "@/lib/resources/guard";

export default async function ResourceCreatePage({ params }: { params: Promise<{ resource: string }> }) {
  const { resource } = await requireResource((await params).resource, "create");
  return <h1 className="text-2xl font-semibold tracking-tight">New {resource.label}</h1>;
}
