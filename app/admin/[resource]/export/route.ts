import { resourceForRoute } from "@/lib/resources/access";
import { exportStream } from "@/lib/resources/engine/export";
import { parseListQuery } from "@/lib/resources/engine/params";

/** CSV of the current list query (search, filters, sort); needs `<resource>:export` (or its `:own` form: then only the user's own rows). */
export async function GET(request: Request, { params }: { params: Promise<{ resource: string }> }) {
  const access = await resourceForRoute((await params).resource, "export");
  if (access instanceof Response) return access;
  const { resource, user } = access;
  const url = new URL(request.url);
  const raw: Record<string, string[]> = {};
  for (const [k, v] of url.searchParams) (raw[k] ??= []).push(v);
  const query = parseListQuery(resource, raw);
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(exportStream(resource, query, user), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${resource.name}-${stamp}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
