import { can, permission } from "../permissions";
import type { Viewer } from "../resources/scope";
import { getResource } from "../resources/registry";
import { entryLabels, visibleChanges } from "./labels";
import { listRecentActions } from "./queries";
import { describeParts, knownLabel, verbOf } from "./sentence";
import type { Locale } from "../i18n/locales";
import { localize } from "../resources/localize";
import { auditWords, inSentence, type Part } from "./words";

export interface RecentEntry {
  id: number;
  at: Date;
  action: string;
  actorEmail: string | null;
  /** "Created", "Deleted": what was done, in the reader's language. */
  verb: string;
  /** The resource's singular label as it stands in a sentence ("item", "Artikel"), when the entry is about a record. */
  noun: string | null;
  /** The record: its current title with a link while it exists and the reader may view it, else the last name the log knew. */
  record: { text: string; href?: string; quoted: boolean } | null;
  /** "Created item “Hammer”.", in the reader's language, the title linked as in `record`. */
  said: Part[];
  /** For changes: "Changed price from $19.99 to $24.50 and name." */
  changes: Part[] | null;
  /** The audit entry's own page, for readers of the audit log. */
  entryHref?: string;
}

/**
 * The newest changes of records by one actor (a user id), or by everyone
 * (null), as `viewer` may see them: titles are read, and links given, only for
 * records that still exist and that the viewer may view (their own, under an
 * `:own` permission); a deleted record keeps the name the log last knew.
 */
export async function recentActions(viewer: Viewer, actorId: string | null, limit = 10): Promise<RecentEntry[]> {
  const entries = (await listRecentActions(actorId, limit)).map((e) => ({ ...visibleChanges(e, viewer), id: e.id, at: e.at }));
  const labels = await entryLabels(entries, viewer);
  const readsLog = can(viewer.access, permission("audit", "view"));
  const words = await auditWords();
  return entries.map((e) => {
    const resource = e.resource ? getResource(e.resource) : undefined;
    const current = labels.current(e);
    const known = current ?? knownLabel(e, resource);
    const record = !e.recordId ? null : current !== undefined ? { text: current, href: `/admin/${resource!.name}/${encodeURIComponent(e.recordId)}`, quoted: true } : known ? { text: known, quoted: true } : { text: `#${e.recordId}`, quoted: false };
    const { action: said, changes } = describeParts(e, resource, known, labels.lookup, words, record?.href);
    const noun = resource ? inSentence(words, localize(resource, words.locale as Locale).singular) : e.resource;
    return { id: e.id, at: e.at, action: e.action, actorEmail: e.actorEmail ?? null, verb: verbOf(e.action, words), noun, record, said, changes, entryHref: readsLog ? `/admin/audit/${e.id}` : undefined };
  });
}
