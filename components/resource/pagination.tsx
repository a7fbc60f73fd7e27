import { useServerLocale, useServerTranslations, type ServerTranslator } from "@/lib/i18n/server";
import { listHref, PAGE_SIZES, type ListQuery } from "@/lib/resources/engine/params";
import type { ListResult } from "@/lib/resources/engine/rows";
import { numberFormat } from "@/lib/i18n/numbers";

/** Beyond this many rows, "Next" continues by cursor (keyset) instead of a page number (OFFSET). */
const KEYSET_FROM_ROW = 5_000;

type Words = ServerTranslator<"list.pager">;

/** Page links as plain anchors styled by the `pager` class (globals.css). */
export function Pagination({ base, query, result }: { base: string; query: ListQuery; result: ListResult }) {
  const { page, pageCount, total, totalCapped, rows } = result;
  const [t, locale] = [useServerTranslations("list.pager"), useServerLocale()];
  // An empty result has nothing to page through; the list's empty state says why.
  if (total === 0 && rows.length === 0 && !totalCapped && !result.byCursor) return null;
  const format = numberFormat(locale);
  const count = (n: number) => format.format(n);
  const totalText = totalCapped ? `${count(total)}+` : count(total);
  if (result.byCursor) return <KeysetPager base={base} query={query} result={result} totalText={totalText} t={t} count={count} />;
  const first = rows.length ? (page - 1) * query.per + 1 : 0;
  const last = (page - 1) * query.per + rows.length;
  const hasNext = totalCapped ? rows.length === query.per : page < pageCount;
  const window = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, totalCapped ? 0 : pageCount])].filter((p) => p >= 1 && (totalCapped || p <= pageCount)).sort((a, b) => a - b);
  const nextHref = page * query.per >= KEYSET_FROM_ROW && result.next ? listHref(base, query, { after: result.next, pos: last + 1 }) : listHref(base, query, { page: page + 1 });
  return (
    <nav aria-label={t("nav")} className="pager">
      <p data-testid="range">{rows.length ? t("range", { first: count(first), last: count(last), total: totalText }) : t("emptyPage", { total: totalText })}</p>
      <div>
        {page > 1 ? (
          <a href={listHref(base, query, { page: page - 1 })} rel="prev">
            {t("previous")}
          </a>
        ) : null}
        {window.map((p, i) => (
          <span key={p}>
            {i > 0 && p - window[i - 1]! > 1 ? <span aria-hidden="true">…</span> : null}
            <a href={listHref(base, query, { page: p })} aria-current={p === page ? "page" : undefined} aria-label={t("page", { page: p })}>
              {p}
            </a>
          </span>
        ))}
        {hasNext ? (
          <a href={nextHref} rel="next">
            {t("next")}
          </a>
        ) : null}
      </div>
      <div role="group" aria-label={t("perPageGroup")} className="per-page">
        <span>{t("perPage")}</span>
        {PAGE_SIZES.map((n) => (
          <a key={n} href={listHref(base, query, { per: n, page: 1 })} aria-current={n === query.per ? "true" : undefined}>
            {n}
          </a>
        ))}
      </div>
    </nav>
  );
}

/**
 * A page reached by cursor has no page number. Its position is what the link
 * that led here carried (`pos`), when that fits the total; without it the
 * pager says only that the rows come further on.
 */
function KeysetPager({ base, query, result, totalText, t, count }: { base: string; query: ListQuery; result: ListResult; totalText: string; t: Words; count: (n: number) => string }) {
  const { rows, total, totalCapped, next, prev } = result;
  const pos = query.pos && (totalCapped || query.pos + rows.length - 1 <= total) ? query.pos : undefined;
  const range = !rows.length ? t("noMore") : pos ? t("range", { first: count(pos), last: count(pos + rows.length - 1), total: totalText }) : t("further", { count: rows.length, total: totalText });
  // Going back into the first KEYSET_FROM_ROW rows, page numbers take over again.
  const before = pos ? pos - query.per : undefined;
  const prevHref = before !== undefined && before - 1 < KEYSET_FROM_ROW ? listHref(base, query, { page: Math.floor(Math.max(0, before - 1) / query.per) + 1 }) : prev ? listHref(base, query, { before: prev, pos: before }) : undefined;
  return (
    <nav aria-label={t("nav")} className="pager">
      <p data-testid="range">{range}</p>
      <div>
        <a href={listHref(base, query, { page: 1 })}>{t("first")}</a>
        {prevHref ? (
          <a href={prevHref} rel="prev">
            {t("previous")}
          </a>
        ) : null}
        {next ? (
          <a href={listHref(base, query, { after: next, pos: pos ? pos + rows.length : undefined })} rel="next">
            {t("next")}
          </a>
        ) : null}
      </div>
    </nav>
  );
}
