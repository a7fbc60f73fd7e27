import { Said } from "@/lib/audit/said";
import { useServerLocale } from "@/lib/i18n/server";
import { noticeParts, parseNoticeCount, parseNoticeKind, type NoticeKind, type NoticeNames } from "@/lib/resources/notice-text";
import { Flash } from "../flash";

/**
 * A confirmation after a redirect (`?notice=…&count=…`): only the kinds this
 * page expects, the count as a bounded number and the title from the record
 * (shown `translate="no"`). The words are the `notices` messages (notice-text.ts),
 * then `then`, a sentence the page adds ("Add another item below.").
 */
export function Notice({ kind, count, title, names, kinds, then }: { kind: unknown; count?: unknown; title?: string | null; names: NoticeNames & { name: string }; kinds: readonly NoticeKind[]; then?: string }) {
  const locale = useServerLocale();
  const known = parseNoticeKind(kind);
  if (!known || !kinds.includes(known)) return null;
  const parts = noticeParts(known, names, { title, count: parseNoticeCount(count) }, locale);
  return (
    <Flash className="mb-4">
      <Said parts={parts} />
      {then ? ` ${then}` : null}
    </Flash>
  );
}
