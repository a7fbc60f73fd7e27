import { noticeText, parseNoticeCount, parseNoticeKind, type NoticeKind, type NoticeNames } from "@/lib/resources/notice-text";
import { Flash } from "../flash";

/**
 * A confirmation after a redirect (`?notice=…&count=…`): only the kinds this
 * page expects, the count as a bounded number and the title from the record.
 */
export function Notice({ kind, count, title, names, kinds }: { kind: unknown; count?: unknown; title?: string | null; names: NoticeNames; kinds: readonly NoticeKind[] }) {
  const known = parseNoticeKind(kind);
  if (!known || !kinds.includes(known)) return null;
  return <Flash className="mb-4" text={noticeText(known, names, { title, count: parseNoticeCount(count) })} />;
}
