import Link from "next/link";
import type { UserAccess } from "@/lib/users/queries";
import { SignOutButton } from "./sign-out-button";

export function SiteHeader({ user }: { user: UserAccess }) {
  return (
    <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <div className="site-header">
        <nav aria-label="Main" className="top-nav">
          <Link href="/" className="text-base font-semibold tracking-tight">
            Gatehouse
          </Link>
          <Link href="/admin">
            Admin
          </Link>
          <Link href="/account">
            Account
          </Link>
        </nav>
        <div className="site-user">
          <span className="text-zinc-600 dark:text-zinc-400" data-testid="current-user">
            {user.name ? `${user.name} · ` : ""}
            {user.email}
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
