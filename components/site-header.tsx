import Link from "next/link";
import { useServerTranslations } from "@/lib/i18n/server";
import type { UserAccess } from "@/lib/users/queries";
import { SignOutButton } from "./sign-out-button";

export function SiteHeader({ user }: { user: UserAccess }) {
  const t = useServerTranslations("nav");
  return (
    <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <div className="site-header">
        <nav aria-label={t("main")} className="top-nav">
          <Link href="/" className="text-base font-semibold tracking-tight" translate="no">
            {t("productName")}
          </Link>
          <Link href="/admin">
            {t("admin")}
          </Link>
          <Link href="/account">
            {t("account")}
          </Link>
        </nav>
        <div className="site-user">
          <span className="text-zinc-600 dark:text-zinc-400" data-testid="current-user" translate="no">
            {user.name ? `${user.name} · ` : ""}
            {user.email}
          </span>
          <SignOutButton label={t("signOut")} />
        </div>
      </div>
    </header>
  );
}
