import { getLocale, getTranslations } from "next-intl/server";
import { countOf } from "@/lib/resources/localize";
import { parseNoticeCount, parseNoticeKind, type NoticeKind, type NoticeNames } from "@/lib/resources/notice-text";
import { Flash } from "../flash";

/**
 * A confirmation after a redirect (`?notice=…&count=…`): only the kinds this
 * page expects, the count as a bounded number and the title from the record.
 */
export async function Notice({ kind, count, title, names, kinds }: { kind: unknown; count?: unknown; title?: string | null; names: NoticeNames & { name: string }; kinds: readonly NoticeKind[] }) {
  const known = parseNoticeKind(kind);
  if (!known || !kinds.includes(known)) return null;
  const [t, locale] = await Promise.all([getTranslations("list.notice"), getLocale()]);
  const n = parseNoticeCount(count);
  const { singular, label } = names;
  let text: string;
  if (known === "created" || known === "updated") {
    text = title ? t(known === "created" ? "createdTitle" : "updatedTitle", { singular, title }) : t(known, { singular });
  } else if (n === null) {
    text = t(known === "deleted" ? "deletedUncounted" : "bulkUncounted", { label });
  } else {
    text = t(known, { count: n, singular, counted: countOf(names, n, locale) });
  }
  return <Flash className="mb-4" text={text} />;
}
