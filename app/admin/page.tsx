import type { Metadata } from "next";
import Link from "next/link";
import { requireAdminIndex } from "@/lib/auth/dal";
import { recentActions } from "@/lib/audit/recent";
import { can } from "@/lib/permissions";
import { allowedActions } from "@/lib/resources/access";
import { resourceCount, type ResourceCount } from "@/lib/resources/engine/queries";
import { getResource } from "@/lib/resources/registry";
import { visibleResources } from "@/lib/resources/visible";
import { countOf } from "@/lib/resources/words";
import { RecentActions } from "@/components/recent-actions";

export const metadata: Metadata = { title: "Admin" };

/** "298 items", "1 user", "10,000+ audit entries": in the resource's own noun. */
function countText(count: ResourceCount | null, singular: string): string {
  return count ? countOf(count.total, singular, count.capped) : "";
}

export default async function AdminIndexPage() {
  const user = await requireAdminIndex();
  const resources = visibleResources(user).map((r) => getResource(r.name)!);
  const readsLog = can(user.access, "audit:view");
  const [counts, own, everyone] = await Promise.all([
    Promise.all(resources.map((r) => resourceCount(r, user))),
    recentActions(user, user.id),
    readsLog ? recentActions(user, null) : Promise.resolve(null),
  ]);
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">Admin</h1>
      {resources.length === 0 ? (
        <p className="card mt-6 p-6 text-sm text-zinc-600 dark:text-zinc-400">
          Your account has no admin permissions yet. Ask an administrator to grant you a role.
        </p>
      ) : (
        <ul aria-label="Resources" className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {resources.map((r, i) => (
            <li key={r.name} className="card flex flex-col gap-3 p-5">
              <h2 className="text-lg font-medium">
                <Link href={`/admin/${r.name}`} className="link">
                  {r.label}
                </Link>
              </h2>
              <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="row-count">
                {countText(counts[i]!, r.singular)}
              </p>
              {allowedActions(user, r).create ? (
                <a href={`/admin/${r.name}/new`} className="btn-secondary self-start">
                  New {r.singular.toLowerCase()}
                </a>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <div className={`mt-8 grid gap-4 ${everyone ? "lg:grid-cols-2" : ""}`}>
        <RecentActions title="Recent actions" entries={own} />
        {everyone ? <RecentActions title="Recent actions by everyone" entries={everyone} showActor /> : null}
      </div>
    </div>
  );
}
