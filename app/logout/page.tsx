import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { requireUser } from "@/lib/auth/dal";
import { SignOutButton } from "@/components/sign-out-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("logout"))("title") };
}

export default async function LogoutPage() {
  const user = await requireUser();
  const t = await getTranslations("logout");
  return (
    <main id="content" tabIndex={-1} className="flex min-h-screen items-center justify-center px-4">
      <div className="card w-full max-w-sm space-y-4 p-6 text-center">
        <h1 className="text-xl font-semibold">{t("heading")}</h1>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">{t.rich("signedInAs", { email: user.email, value: (chunks) => <span translate="no">{chunks}</span> })}</p>
        <div className="flex justify-center gap-3">
          <SignOutButton className="btn-primary" label={t("submit")} />
          <Link href="/" className="btn-secondary">
            {t("cancel")}
          </Link>
        </div>
      </div>
    </main>
  );
}
