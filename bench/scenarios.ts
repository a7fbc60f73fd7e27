import { encodeCursor } from "../lib/resources/engine/params";
import { benchItem } from "./dataset";

export interface Scenario {
  name: string;
  path: string | (() => string);
  /** Sent without the session cookie. */
  anonymous?: boolean;
}

/**
 * The deep page starts at row offset 500,000 (half the table when it is
 * smaller), reached the way the list's "Next" link reaches it: by a keyset
 * cursor naming the last row of the page before. In the default order
 * (newest first) the row at offset k is item n - k.
 */
function deepCursor(n: number): string {
  const offset = Math.min(500_000, Math.floor(n / 2));
  const before = benchItem(n - (offset - 1));
  return encodeCursor({ value: before.createdAt, id: n - (offset - 1) });
}

const randomId = (n: number) => 1 + Math.floor(Math.random() * n);

/** Every page the bench measures against a table of `n` items. */
export function scenarios(n: number): Scenario[] {
  return [
    { name: "list-page-1", path: "/admin/items?per=50" },
    { name: "deep-page", path: `/admin/items?per=50&after=${deepCursor(n)}` },
    { name: "search-foo", path: "/admin/items?per=50&q=foo" },
    { name: "search-foo-page-20", path: "/admin/items?per=50&q=foo&page=20" },
    { name: "sort-name", path: "/admin/items?per=50&sort=name" },
    { name: "sort-category", path: "/admin/items?per=50&sort=category" },
    { name: "sort-price-desc", path: "/admin/items?per=50&sort=-price" },
    { name: "sort-in-stock", path: "/admin/items?per=50&sort=inStock" },
    { name: "sort-created-asc", path: "/admin/items?per=50&sort=createdAt" },
    { name: "filter-books", path: "/admin/items?per=50&category=books" },
    { name: "filter-price-10-20", path: "/admin/items?per=50&price_min=10&price_max=20" },
    { name: "filter-in-stock", path: "/admin/items?per=50&in_stock=false" },
    { name: "filter-created-2025", path: "/admin/items?per=50&created_from=2025-01-01&created_to=2025-12-31" },
    { name: "filter-books-10-20", path: "/admin/items?per=50&category=books&price_min=10&price_max=20" },
    { name: "details-random", path: () => `/admin/items/${randomId(n)}` },
    { name: "edit-random", path: () => `/admin/items/${randomId(n)}/edit` },
    { name: "admin-index", path: "/admin" },
    { name: "login", path: "/login", anonymous: true },
  ];
}

/** BENCH_SCENARIOS=list-page-1,login runs only those (the floor always runs). */
export function selected(all: Scenario[]): Scenario[] {
  const only = process.env.BENCH_SCENARIOS?.split(",").map((s) => s.trim()).filter(Boolean);
  return only?.length ? all.filter((s) => only.includes(s.name)) : all;
}
