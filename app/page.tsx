import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { requireUser } from "@/lib/auth/dal";
import { SiteHeader } from "@/components/site-header";

export default async function HomePage() {
  const user = await requireUser();
  const t = await getTranslations("nav.home");
  return (
    <>
      <SiteHeader user={user} />
      <main id="content" tabIndex={-1} className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-2xl font-semibold tracking-tight">
          {user.name ? t.rich("welcomeNamed", { name: user.name, data: (chunks) => <span translate="no">{chunks}</span> }) : t("welcome")}
        </h1>
        <dl className="card mt-6 divide-y divide-zinc-200 dark:divide-zinc-800">
          <div className="grid grid-cols-3 gap-4 px-4 py-3">
            <dt className="text-sm text-zinc-500 dark:text-zinc-400">{t("signedInAs")}</dt>
            <dd className="col-span-2 text-sm" translate="no">{user.email}</dd>
          </div>
          <div className="grid grid-cols-3 gap-4 px-4 py-3">
            <dt className="text-sm text-zinc-500 dark:text-zinc-400">{t("roles")}</dt>
            <dd className="col-span-2 text-sm" data-testid="roles">
              {user.roleNames.length ? <span translate="no">{user.roleNames.join(", ")}</span> : t("noRoles")}
            </dd>
          </div>
        </dl>
        <p className="mt-6">
          <Link href="/admin" className="btn-primary">
            {t("toAdmin")}
          </Link>
        </p>
      </main>
    </>
  );
}
