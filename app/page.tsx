import Link from "next/link";
import { requireUser } from "@/lib/auth/dal";
import { SiteHeader } from "@/components/site-header";

export default async function HomePage() {
  const user = await requireUser();
  return (
    <>
      <SiteHeader user={user} />
      <main id="content" tabIndex={-1} className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-2xl font-semibold tracking-tight">Welcome{user.name ? `, ${user.name}` : ""}</h1>
        <dl className="card mt-6 divide-y divide-zinc-200 dark:divide-zinc-800">
          <div className="grid grid-cols-3 gap-4 px-4 py-3">
            <dt className="text-sm text-zinc-500 dark:text-zinc-400">Signed in as</dt>
            <dd className="col-span-2 text-sm">{user.email}</dd>
          </div>
          <div className="grid grid-cols-3 gap-4 px-4 py-3">
            <dt className="text-sm text-zinc-500 dark:text-zinc-400">Roles</dt>
            <dd className="col-span-2 text-sm" data-testid="roles">
              {user.roleNames.length ? user.roleNames.join(", ") : "none"}
            </dd>
          </div>
        </dl>
        <p className="mt-6">
          <Link href="/admin" className="btn-primary">
            Go to the admin panel
          </Link>
        </p>
      </main>
    </>
  );
}
