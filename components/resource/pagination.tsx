import Link from "next/link";
import { listHref, PAGE_SIZES, type ListQuery } from "@/lib/resources/engine/params";
import type { ListResult } from "@/lib/resources/engine/queries";

/** Beyond this many rows, "Next" continues by cursor (keyset) instead of a page number (OFFSET). */
const KEYSET_FROM_ROW = 5_000;

export function Pagination({ base, query, result }: { base: string; query: ListQuery; result: ListResult }) {
  const { page, pageCount, total, totalCapped, rows } = result;
  const linkClass = "rounded-md px-3 py-1.5 text-sm ring-1 ring-zinc-300 ring-inset hover:bg-zinc-100 dark:ring-zinc-700 dark:hover:bg-zinc-800";
  if (result.byCursor) {
    return (
      <nav aria-label="Pagination" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
        <p className="text-zinc-600 dark:text-zinc-400" data-testid="range">
          {rows.length ? `Showing ${rows.length} rows further on (of ${totalCapped ? `${total.toLocaleString("en-US")}+` : total.toLocaleString("en-US")})` : "No more rows"}
        </p>
        <div className="flex gap-1">
          <Link href={listHref(base, query, { page: 1 })} className={linkClass}>
            First page
          </Link>
          {result.next ? (
            <Link href={listHref(base, query, { after: result.next })} className={linkClass} rel="next">
              Next
            </Link>
          ) : null}
        </div>
      </nav>
    );
  }
  const first = rows.length ? (page - 1) * query.per + 1 : 0;
  const last = (page - 1) * query.per + rows.length;
  const hasNext = totalCapped ? rows.length === query.per : page < pageCount;
  const totalText = totalCapped ? `${total.toLocaleString("en-US")}+` : total.toLocaleString("en-US");
  const window = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, totalCapped ? 0 : pageCount])].filter((p) => p >= 1 && (totalCapped || p <= pageCount)).sort((a, b) => a - b);
  const nextHref = page * query.per >= KEYSET_FROM_ROW && result.next ? listHref(base, query, { after: result.next }) : listHref(base, query, { page: page + 1 });
  return (
    <nav aria-label="Pagination" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-zinc-600 dark:text-zinc-400" data-testid="range">
        {rows.length ? `Showing ${first.toLocaleString("en-US")}–${last.toLocaleString("en-US")} of ${totalText}` : `No rows on this page (of ${totalText})`}
      </p>
      <div className="flex flex-wrap items-center gap-1">
        {page > 1 ? (
          <Link href={listHref(base, query, { page: page - 1 })} className={linkClass} rel="prev">
            Previous
          </Link>
        ) : null}
        {window.map((p, i) => (
          <span key={p} className="flex items-center gap-1">
            {i > 0 && p - window[i - 1]! > 1 ? <span aria-hidden="true">…</span> : null}
            <Link href={listHref(base, query, { page: p })} aria-current={p === page ? "page" : undefined} aria-label={`Page ${p}`} className={`${linkClass} aria-[current=page]:bg-indigo-600 aria-[current=page]:text-white aria-[current=page]:ring-indigo-600`}>
              {p}
            </Link>
          </span>
        ))}
        {hasNext ? (
          <Link href={nextHref} className={linkClass} rel="next">
            Next
          </Link>
        ) : null}
      </div>
      <div className="flex items-center gap-1" role="group" aria-label="Rows per page">
        <span className="text-zinc-600 dark:text-zinc-400">Per page:</span>
        {PAGE_SIZES.map((n) => (
          <Link key={n} href={listHref(base, query, { per: n, page: 1 })} aria-current={n === query.per ? "true" : undefined} className="rounded px-2 py-1 aria-[current=true]:font-semibold aria-[current=true]:underline">
            {n}
          </Link>
        ))}
      </div>
    </nav>
  );
}
