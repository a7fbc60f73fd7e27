import { mayAct } from "../../permissions";
import { resourceFor, type Viewer } from "../scope";
import type { Resource } from "../types";
import { listHref, parseListQuery } from "./params";
import type { Registry } from "./context";
import { listRows } from "./queries";
import type { RowId } from "./ids";

/**
 * "Related records" on a details page, derived from the registry: for every
 * field marked `related` that points at this resource (a reference, or a
 * many-to-many), the first rows of the other resource that point back, with
 * the bounded count and the link to its list filtered by the record. Reads go
 * through listRows, so the viewer's row scope and field permissions apply, and
 * a resource they may not view is left out.
 */

export const RELATED_ROWS = 10;

export interface RelatedSection {
  resource: string;
  heading: string;
  rows: { id: RowId; title: string; href: string }[];
  total: number;
  totalCapped: boolean;
  /** The list of all of them: `/admin/<resource>?<filter>=<id>`. */
  href: string;
}

/** `local` gives a resource in the viewer's language (localize.ts), so headings are theirs; the engine imports no catalogue of resources. */
export async function relatedSections(registry: Registry, resource: Resource, id: RowId, viewer: Viewer, local: (r: Resource) => Resource = (r) => r): Promise<RelatedSection[]> {
  const out: RelatedSection[] = [];
  for (const declared of registry.all) {
    if (!mayAct(viewer.access, declared, "view")) continue;
    const other = local(resourceFor(declared, viewer.access));
    for (const field of other.fields) {
      const target = field.reference?.resource ?? field.many?.resource;
      if (!field.related || target !== resource.name) continue;
      const filter = other.filters?.find((f) => f.field === field.key && f.type === "reference");
      if (!filter) continue;
      const query = parseListQuery(other, { [filter.param]: String(id), per: String(RELATED_ROWS) });
      const result = await listRows(registry, other, query, viewer);
      const titleKey = other.fields.find((f) => f.column === other.title)?.key;
      const base = `/admin/${other.name}`;
      out.push({
        resource: other.name,
        heading: typeof field.related === "string" ? field.related : other.label,
        rows: result.rows.map((r) => ({ id: r.id, title: String((titleKey ? r.values[titleKey] : undefined) ?? r.id), href: `${base}/${encodeURIComponent(String(r.id))}` })),
        total: result.total,
        totalCapped: result.totalCapped,
        href: listHref(base, { ...query, per: parseListQuery(other, {}).per }, { page: 1 }),
      });
    }
  }
  return out;
}
