import { notFound } from "next/navigation";
import { connection } from "next/server";
import { bulkAction } from "@/lib/resources/actions";
import { parseListQuery } from "@/lib/resources/engine/params";
import type { ListResult, Row } from "@/lib/resources/engine/queries";
import { getResource } from "@/lib/resources/registry";
import { accessFromRoles } from "@/lib/permissions";
import type { UserAccess } from "@/lib/users/queries";
import { AdminNav } from "@/components/admin-nav";
import { BulkForm } from "@/components/resource/bulk-form";
import { ListControls } from "@/components/resource/list-controls";
import { ListTable } from "@/components/resource/list-table";
import { Pagination } from "@/components/resource/pagination";
import { SiteHeader } from "@/components/site-header";

/**
 * The benchmark's floor: the items list page drawn with the same components
 * from 50 hard-coded rows, with no session and no database, so the bench can
 * tell the framework's own cost from the engine's. Served only when
 * GATEHOUSE_BENCH_FLOOR=1 (the bench server sets it).
 */

const USER: UserAccess = { id: "floor", email: "admin@example.com", name: "Bench Admin", active: true, securityStamp: "", roleNames: ["admin"], access: accessFromRoles([{ name: "admin", permissions: [] }]) };

const ROWS: Row[] = Array.from({ length: 50 }, (_, k) => ({
  id: 1_000_000 - k,
  values: { name: `red widget #${1_000_000 - k}`, category: "books", price: 1234 + k, inStock: k % 5 !== 0, owner: null, createdAt: new Date(Date.UTC(2025, 0, 1) - k * 60_000) },
  refs: { owner: null },
}));

export default async function BenchFloorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // Rendered per request, like the page it stands in for (and the setting is read at run time).
  await connection();
  if (process.env.GATEHOUSE_BENCH_FLOOR !== "1") notFound();
  const resource = getResource("items")!;
  const query = parseListQuery(resource, { ...(await searchParams), per: "50" });
  const result: ListResult = { rows: ROWS, total: 10_000, totalCapped: true, pageCount: 200, page: 1, byCursor: false, next: { value: ROWS[49]!.values.createdAt instanceof Date ? (ROWS[49]!.values.createdAt as Date).getTime() : 0, id: ROWS[49]!.id } };
  return (
    <>
      <SiteHeader user={USER} />
      <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-6 md:flex-row">
        <aside className="md:w-48 md:shrink-0">
          <AdminNav resources={[{ name: "users", label: "Users" }, { name: "roles", label: "Roles" }, { name: "items", label: "Items" }]} />
        </aside>
        <main className="min-w-0 flex-1">
          <h1 className="mb-4 text-2xl font-semibold tracking-tight">{resource.label}</h1>
          <ListControls resource={resource} query={query} />
          <BulkForm action={bulkAction.bind(null, "items")} actions={[{ name: "delete", label: "Delete" }]} back="/admin/items" noun="items">
            <ListTable resource={resource} query={query} rows={ROWS} selectable />
          </BulkForm>
          <Pagination base="/admin/items" query={query} result={result} />
        </main>
      </div>
    </>
  );
}
