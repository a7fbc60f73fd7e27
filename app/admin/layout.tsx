import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { requireUser } from "@/lib/auth/dal";
import { getLocalResource } from "@/lib/resources/localize";
import { visibleResources } from "@/lib/resources/visible";
import { SiteHeader } from "@/components/site-header";
import { AdminNav } from "@/components/admin-nav";

// Display only: every page below checks its own permission.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  // The path middleware passes on; it only decides which navigation link is marked current.
  const current = ((await headers()).get("x-gatehouse-path") ?? "").split("?")[0]!;
  const locale = await getLocale();
  const resources = visibleResources(user).map((r) => ({ name: r.name, label: getLocalResource(r.name, locale)?.label ?? r.label }));
  return (
    <>
      <SiteHeader user={user} />
      <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-6 md:flex-row">
        <aside className="md:w-48 md:shrink-0">
          <AdminNav resources={resources} current={current} />
        </aside>
        <main id="content" tabIndex={-1} className="min-w-0 flex-1">{children}</main>
      </div>
    </>
  );
}
