import { NextResponse } from "next/server";
import { resourceForRoute } from "@/lib/resources/access";
import { lookupOptions } from "@/lib/resources/panel";
import { mayAct } from "@/lib/permissions";
import { getResource } from "@/lib/resources/registry";
import { translator } from "@/lib/i18n/translator";

/**
 * Options for a reference field's picker: at most 20 rows of the referenced
 * resource whose title contains `q`, as { id, label }. Allowed to whoever may
 * view both the resource that holds the field and the one it points at (the
 * titles are the other resource's data), and only for its reference and many fields.
 */
export async function GET(request: Request, { params }: { params: Promise<{ resource: string }> }) {
  const access = await resourceForRoute((await params).resource, "view");
  if (access instanceof Response) return access;
  const t = await translator("picker.answers");
  const url = new URL(request.url);
  const field = access.resource.fieldMap.get(url.searchParams.get("field") ?? "");
  // Reference fields, and many fields used as a filter (a user's roles).
  const targetName = field?.reference?.resource ?? field?.many?.resource;
  if (!targetName) return NextResponse.json({ error: t("unknownField") }, { status: 400 });
  const target = getResource(targetName);
  if (!target || !mayAct(access.user.access, target, "view")) return new Response(t("forbidden"), { status: 403 });
  const options = await lookupOptions(target.name, url.searchParams.get("q") ?? "", 20, access.user);
  return NextResponse.json({ options }, { headers: { "Cache-Control": "no-store" } });
}
