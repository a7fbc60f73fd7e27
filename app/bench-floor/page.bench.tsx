/* eslint-disable @next/next/no-html-link-for-pages -- bare markup on purpose: the floor measures Next.js without next/link. */
import type { Metadata } from "next";
import { connection } from "next/server";

/**
 * The bench's floor: what Next.js itself costs to serve a page the size of the
 * items list. Bare markup written out by hand from 50 hard-coded rows — no
 * session, no database, no middleware (see its matcher), no client components
 * and no shared engine code — rendered per request like the real page.
 *
 * It exists only in the bench's build: `.bench.tsx` is a page extension only
 * when GATEHOUSE_BENCH=1 (next.config.mjs), so a normal build has no such route.
 */

export const metadata: Metadata = { title: "Items" };

const CATEGORIES = ["books", "tools", "toys", "garden", "food", "music", "sports", "office", "home", "auto"];
const ROWS = Array.from({ length: 50 }, (_, k) => {
  const id = 1_000_000 - k;
  const cents = (id * 7919) % 100_000;
  return { id, name: `red widget #${id}`, category: CATEGORIES[k % 10]!, price: `$${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, "0")}`, inStock: k % 5 !== 0, created: new Date(Date.UTC(2025, 0, 1) - k * 60_000).toISOString() };
});

export default async function BenchFloorPage() {
  await connection();
  return (
    <>
      <header className="topbar">
        <nav aria-label="Main">
          <a href="/">Gatehouse</a> <a href="/admin">Admin</a> <a href="/account">Account</a>
        </nav>
        <span>Bench Admin · admin@example.com</span>
      </header>
      <div className="shell">
        <nav aria-label="Resources">
          <ul>
            <li><a href="/admin">Overview</a></li>
            <li><a href="/admin/users">Users</a></li>
            <li><a href="/admin/roles">Roles</a></li>
            <li><a href="/admin/items" aria-current="page">Items</a></li>
            <li><a href="/admin/audit">Audit log</a></li>
          </ul>
        </nav>
        <main>
          <h1>Items</h1>
          <form method="get" action="/admin/items" role="search">
            <label htmlFor="q">Search items</label> <input id="q" name="q" type="search" /> <button type="submit">Search</button>
          </form>
          <form method="post">
            <table>
              <caption>Items</caption>
              <thead>
                <tr>
                  <th scope="col"><input type="checkbox" aria-label="Select all rows on this page" /></th>
                  {["Name", "Category", "Price", "In stock", "Owner", "Created"].map((h) => (
                    <th key={h} scope="col"><a href={`/admin/items?sort=${h}`}>{h}</a></th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {ROWS.map((r) => (
                  <tr key={r.id}>
                    <td><input type="checkbox" name="ids" value={r.id} aria-label={`Select ${r.name}`} /></td>
                    <td><a href={`/admin/items/${r.id}`}>{r.name}</a></td>
                    <td>{r.category}</td>
                    <td>{r.price}</td>
                    <td>{r.inStock ? "yes" : "no"}</td>
                    <td>—</td>
                    <td><time dateTime={r.created}>{r.created.slice(0, 16).replace("T", " ")}</time></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </form>
          <nav aria-label="Pagination">
            <p>Rows 1–50 of 10,000+</p>
            {[1, 2, 3].map((p) => (
              <a key={p} href={`/admin/items?page=${p}`}>{p}</a>
            ))}
            <a href="/admin/items?page=2" rel="next">Next</a>
          </nav>
        </main>
      </div>
    </>
  );
}
