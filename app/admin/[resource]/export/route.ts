import { TooManyExports } from "@/lib/db/export-slots";
import { resourceForRoute } from "@/lib/resources/access";
import { currentLocale } from "@/lib/i18n/server";
import { exportStream } from "@/lib/resources/engine/export";
import { parseListQuery } from "@/lib/resources/engine/params";
import { engine } from "@/lib/resources/panel";
import { viewerTimeZone } from "@/lib/time-zone";

/** CSV of the current list query (search, filters, sort); needs `<resource>:export` (or its `:own` form: then only the user's own rows). */
export async function GET(request: Request, { params }: { params: Promise<{ resource: string }> }) {
  const access = await resourceForRoute((await params).resource, "export");
  if (access instanceof Response) return access;
  const { resource, user } = access;
  const url = new URL(request.url);
  const raw: Record<string, string[]> = {};
  for (const [k, v] of url.searchParams) (raw[k] ??= []).push(v);
  // Days in date filters are the viewer's, as on the list.
  const query = parseListQuery(resource, raw, await viewerTimeZone(), await currentLocale());
  const stamp = new Date().toISOString().slice(0, 10);
  let body: ReadableStream<Uint8Array>;
  try {
    body = exportStream(resource, query, user, engine.registry);
  } catch (error) {
    if (!(error instanceof TooManyExports)) throw error;
    return new Response(error.message, { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "10", "Cache-Control": "no-store" } });
  }
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${resource.name}-${stamp}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
