import type { Metadata } from "next";
import Link from "next/link";
import { requireAdminIndex } from "@/lib/auth/dal";
import { visibleResources } from "@/lib/resources/visible";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminIndexPage() {
  const user = await requireAdminIndex();
  const resources = visibleResources(user);
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">Admin</h1>
      {resources.length === 0 ? (
        <p className="card mt-6 p-6 text-sm text-zinc-600 dark:text-zinc-400">
          Your account has no admin permissions yet. Ask an administrator to grant you a role.
        </p>
      ) : (
        <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {resources.map((r) => (
            <li key={r.name}>
              <Link href={`/admin/${r.name}`} className="card block p-5 hover:ring-indigo-400">
                <span className="text-lg font-medium">{r.label}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
