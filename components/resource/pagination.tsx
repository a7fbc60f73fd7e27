import { listHref, PAGE_SIZES, type ListQuery } from "@/lib/resources/engine/params";
import type { ListResult } from "@/lib/resources/engine/queries";

/** Beyond this many rows, "Next" continues by cursor (keyset) instead of a page number (OFFSET). */
const KEYSET_FROM_ROW = 5_000;

const count = (n: number) => n.toLocaleString("en-US");

/** Page links as plain anchors styled by the `pager` class (globals.css). */
export function Pagination({ base, query, result }: { base: string; query: ListQuery; result: ListResult }) {
  const { page, pageCount, total, totalCapped, rows } = result;
  const totalText = totalCapped ? `${count(total)}+` : count(total);
  if (result.byCursor) {
    return (
      <nav aria-label="Pagination" className="pager">
        <p data-testid="range">{rows.length ? `Showing ${rows.length} rows further on (of ${totalText})` : "No more rows"}</p>
        <div>
          <a href={listHref(base, query, { page: 1 })}>First page</a>
          {result.next ? (
            <a href={listHref(base, query, { after: result.next })} rel="next">
              Next
            </a>
          ) : null}
        </div>
      </nav>
    );
  }
  const first = rows.length ? (page - 1) * query.per + 1 : 0;
  const last = (page - 1) * query.per + rows.length;
  const hasNext = totalCapped ? rows.length === query.per : page < pageCount;
  const window = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, totalCapped ? 0 : pageCount])].filter((p) => p >= 1 && (totalCapped || p <= pageCount)).sort((a, b) => a - b);
  const nextHref = page * query.per >= KEYSET_FROM_ROW && result.next ? listHref(base, query, { after: result.next }) : listHref(base, query, { page: page + 1 });
  return (
    <nav aria-label="Pagination" className="pager">
      <p data-testid="range">{rows.length ? `Showing ${count(first)}–${count(last)} of ${totalText}` : `No rows on this page (of ${totalText})`}</p>
      <div>
        {page > 1 ? (
          <a href={listHref(base, query, { page: page - 1 })} rel="prev">
            Previous
          </a>
        ) : null}
        {window.map((p, i) => (
          <span key={p}>
            {i > 0 && p - window[i - 1]! > 1 ? <span aria-hidden="true">…</span> : null}
            <a href={listHref(base, query, { page: p })} aria-current={p === page ? "page" : undefined} aria-label={`Page ${p}`}>
              {p}
            </a>
          </span>
        ))}
        {hasNext ? (
          <a href={nextHref} rel="next">
            Next
          </a>
        ) : null}
      </div>
      <div role="group" aria-label="Rows per page" className="per-page">
        <span>Per page:</span>
        {PAGE_SIZES.map((n) => (
          <a key={n} href={listHref(base, query, { per: n, page: 1 })} aria-current={n === query.per ? "true" : undefined}>
            {n}
          </a>
        ))}
      </div>
    </nav>
  );
}
