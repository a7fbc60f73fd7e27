import { headers } from "next/headers";
import { requireUser } from "@/lib/auth/dal";
import { visibleResources } from "@/lib/resources/visible";
import { SiteHeader } from "@/components/site-header";
import { AdminNav } from "@/components/admin-nav";

// Display only: every page below checks its own permission.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  // The path middleware passes on; it only decides which navigation link is marked current.
  const current = ((await headers()).get("x-gatehouse-path") ?? "").split("?")[0]!;
  return (
    <>
      <SiteHeader user={user} />
      <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-6 md:flex-row">
        <aside className="md:w-48 md:shrink-0">
          <AdminNav resources={visibleResources(user)} current={current} />
        </aside>
        <main id="content" tabIndex={-1} className="min-w-0 flex-1">{children}</main>
      </div>
    </>
  );
}
