import { can, mayAct, permission } from "../permissions";
import type { Viewer } from "../resources/scope";
import { parseId, type RowId } from "../resources/engine/ids";
import { labelsFor } from "../resources/panel";
import { getResource } from "../resources/registry";
import { listRecentActions } from "./queries";

export interface RecentEntry {
  id: number;
  at: Date;
  action: string;
  actorEmail: string | null;
  /** The resource's singular label, when the entry is about a record. */
  noun: string | null;
  /** The record: its current title with a link while it exists and the reader may view it, else what the log kept. */
  record: { text: string; href?: string } | null;
  /** The audit entry's own page, for readers of the audit log. */
  entryHref?: string;
}

/**
 * The newest audit entries of one actor (a user id), or of everyone (null),
 * as `viewer` may see them: titles are read, and links given, only for
 * records that still exist and that the viewer may view (their own, under an
 * `:own` permission).
 */
export async function recentActions(viewer: Viewer, actorId: string | null, limit = 10): Promise<RecentEntry[]> {
  const { access } = viewer;
  const entries = await listRecentActions(actorId, limit);
  const ids = new Map<string, RowId[]>();
  for (const e of entries) {
    const resource = e.resource ? getResource(e.resource) : undefined;
    const id = resource && e.recordId ? parseId(resource, e.recordId) : null;
    if (resource && id !== null && mayAct(access, resource, "view")) ids.set(resource.name, [...(ids.get(resource.name) ?? []), id]);
  }
  const titles = new Map<string, Map<RowId, string>>();
  for (const [name, list] of ids) titles.set(name, await labelsFor(name, [...new Set(list)], viewer));
  const readsLog = can(access, permission("audit", "view"));
  return entries.map((e) => {
    const resource = e.resource ? getResource(e.resource) : undefined;
    const id = resource && e.recordId ? parseId(resource, e.recordId) : null;
    const title = resource && id !== null ? titles.get(resource.name)?.get(id) : undefined;
    const record = !e.recordId ? null : title !== undefined ? { text: title, href: `/admin/${resource!.name}/${encodeURIComponent(String(id))}` } : { text: e.summary ?? `#${e.recordId}` };
    return { id: e.id, at: e.at, action: e.action, actorEmail: e.actorEmail, noun: resource?.singular ?? e.resource, record, entryHref: readsLog ? `/admin/audit/${e.id}` : undefined };
  });
}
