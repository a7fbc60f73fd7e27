import { can, mayAct, type Permission } from "../permissions";
import { parseId, type RowId } from "../resources/engine/ids";
import { labelsFor } from "../resources/panel";
import { getResource } from "../resources/registry";
import type { Viewer } from "../resources/scope";
import type { LabelLookup, SentenceEntry } from "./sentence";

/** What the reader may know about the rows an entry names: the titles of the rows they may view, by resource and id. */
export interface EntryLabels {
  lookup: LabelLookup;
  /** The current title of the entry's own record, while it exists and the reader may view it. */
  current: (entry: SentenceEntry) => string | undefined;
}

type Wanted = Map<string, Set<string>>;

function want(wanted: Wanted, resource: string, id: unknown) {
  if (id === null || id === undefined || id === "") return;
  wanted.set(resource, (wanted.get(resource) ?? new Set()).add(String(id)));
}

/** The entry's changes without the fields the reader may not see at all (a field's `access.view`). */
export function visibleChanges(entry: SentenceEntry, viewer: Viewer): SentenceEntry {
  const resource = entry.resource ? getResource(entry.resource) : undefined;
  if (!resource || !entry.changes) return entry;
  const changes = Object.fromEntries(Object.entries(entry.changes).filter(([key]) => {
    const view = resource.fieldMap.get(key)?.access?.view;
    return !view || can(viewer.access, view as Permission);
  }));
  return { ...entry, changes };
}

/**
 * Reads, in one query per resource, the titles of the records the entries
 * are about and of the rows their changes point at (owners, roles), only of
 * rows the reader may view: a user's e-mail only to a reader of users, or to
 * the user themselves.
 */
export async function entryLabels(entries: SentenceEntry[], viewer: Viewer): Promise<EntryLabels> {
  const wanted: Wanted = new Map();
  for (const e of entries) {
    const resource = e.resource ? getResource(e.resource) : undefined;
    if (!resource) continue;
    if (e.recordId) want(wanted, resource.name, e.recordId);
    for (const [key, change] of Object.entries(e.changes ?? {})) {
      const field = resource.fieldMap.get(key);
      const target = field?.reference?.resource ?? field?.many?.resource;
      if (!target || !change) continue;
      for (const v of [change.before, change.after].flatMap((x) => (Array.isArray(x) ? x : [x]))) want(wanted, target, v);
    }
  }
  const titles = new Map<string, Map<string, string>>();
  for (const [name, ids] of wanted) {
    const target = getResource(name);
    if (!target) continue;
    const parsed = [...ids].map((id) => parseId(target, id)).filter((id): id is RowId => id !== null);
    const found = new Map<string, string>();
    if (mayAct(viewer.access, target, "view")) for (const [id, label] of await labelsFor(name, parsed, viewer)) found.set(String(id), label);
    // Every user may know their own name.
    if (name === "users" && ids.has(viewer.id) && !found.has(viewer.id)) for (const [id, label] of await labelsFor(name, [viewer.id])) found.set(String(id), label);
    titles.set(name, found);
  }
  const lookup: LabelLookup = (resource, id) => titles.get(resource)?.get(id);
  return {
    lookup,
    current: (e) => (e.resource && e.recordId && mayAct(viewer.access, getResource(e.resource) ?? { name: "" }, "view") ? lookup(e.resource, e.recordId) : undefined),
  };
}
