/**
 * The confirmation a resource page shows after a write, from the `notice` and
 * `count` a redirect carries. Only known kinds make a text, and the count is
 * read as a bounded whole number, so nothing typed into the URL reaches the
 * page; the record's title comes from the database.
 */

export const NOTICE_KINDS = ["created", "updated", "deleted", "bulk"] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** More rows than one bulk action ever touches; a larger count is not believed. */
const MAX_COUNT = 100_000;
const numbers = new Intl.NumberFormat("en-US");

export function parseNoticeKind(raw: unknown): NoticeKind | null {
  return typeof raw === "string" && (NOTICE_KINDS as readonly string[]).includes(raw) ? (raw as NoticeKind) : null;
}

/** A whole number from 1 to MAX_COUNT, or null for anything else. */
export function parseNoticeCount(raw: unknown): number | null {
  if (typeof raw !== "string" || !/^[0-9]{1,6}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= 1 && n <= MAX_COUNT ? n : null;
}

export interface NoticeNames {
  /** "Item" */
  singular: string;
  /** "Items" */
  label: string;
}

export function noticeText(kind: NoticeKind, names: NoticeNames, { title, count }: { title?: string | null; count?: number | null } = {}): string {
  const one = names.singular;
  const many = names.label.toLowerCase();
  const quoted = title ? ` “${title}”` : "";
  const counted = (verb: string) => (count === 1 ? `${one} ${verb}.` : count ? `${numbers.format(count)} ${many} ${verb}.` : `${names.label} ${verb}.`);
  switch (kind) {
    case "created":
      return `${one}${quoted} created.`;
    case "updated":
      return `${one}${quoted} saved.`;
    case "deleted":
      return counted("deleted");
    case "bulk":
      return counted("updated");
  }
}
