import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/dal";
import { SignOutButton } from "@/components/sign-out-button";

export const metadata: Metadata = { title: "Sign out" };

export default async function LogoutPage() {
  const user = await requireUser();
  return (
    <main id="content" tabIndex={-1} className="flex min-h-screen items-center justify-center px-4">
      <div className="card w-full max-w-sm space-y-4 p-6 text-center">
        <h1 className="text-xl font-semibold">Sign out of Gatehouse?</h1>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">You are signed in as {user.email}.</p>
        <div className="flex justify-center gap-3">
          <SignOutButton className="btn-primary" />
          <Link href="/" className="btn-secondary">
            Cancel
          </Link>
        </div>
      </div>
    </main>
  );
}
