import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/dal";
import { SignOutButton } from "@/components/sign-out-button";
import { getOwnSignInInfo } from "@/lib/account/queries";
import { SiteHeader } from "@/components/site-header";
import { LocalTime } from "@/components/local-time";
import { Flash } from "@/components/flash";
import { PasswordForm } from "./password-form";
import { TwoFactorSection } from "./two-factor-section";
import { RecentSignIns } from "@/components/account/recent-sign-ins";
import { LanguageSection } from "@/components/account/language-section";
import { TimeZoneSection } from "@/components/account/time-zone-section";

export const metadata: Metadata = { title: "Account" };

function When({ at, address }: { at: Date | null | undefined; address: string | null | undefined }) {
  if (!at) return <>never</>;
  return (
    <>
      <LocalTime iso={at.toISOString()} />
      {address ? ` from ${address}` : ""}
    </>
  );
}

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const info = await getOwnSignInInfo(user.id);
  const { notice } = await searchParams;
  return (
    <>
      <SiteHeader user={user} />
      <main id="content" tabIndex={-1} className="mx-auto max-w-2xl space-y-8 px-4 py-10">
        <h1 className="text-2xl font-semibold tracking-tight">Your account</h1>
        {notice === "password" ? (
          <Flash text="Your password was changed. Your other sessions have been signed out." />
        ) : null}
        <dl className="card divide-y divide-zinc-100 dark:divide-zinc-800">
          {[
            ["Email", user.email],
            ["Roles", user.roleNames.join(", ") || "none"],
          ].map(([k, v]) => (
            <div key={k} className="grid grid-cols-3 gap-4 px-4 py-3 text-sm">
              <dt className="text-zinc-500 dark:text-zinc-400">{k}</dt>
              <dd className="col-span-2">{v}</dd>
            </div>
          ))}
          {[
            ["This sign-in", "current-sign-in", info?.currentLoginAt, info?.currentLoginIp],
            ["Previous sign-in", "last-sign-in", info?.lastLoginAt, info?.lastLoginIp],
          ].map(([label, testId, at, address]) => (
            <div key={String(testId)} className="grid grid-cols-3 gap-4 px-4 py-3 text-sm">
              <dt className="text-zinc-500 dark:text-zinc-400">{String(label)}</dt>
              <dd className="col-span-2" data-testid={String(testId)}>
                <When at={at as Date | null | undefined} address={address as string | null | undefined} />
              </dd>
            </div>
          ))}
        </dl>
        <section aria-labelledby="password-heading" className="card p-6">
          <h2 id="password-heading" className="mb-4 text-lg font-semibold">
            Change password
          </h2>
          <PasswordForm />
        </section>
        <TwoFactorSection userId={user.id} />
        <RecentSignIns userId={user.id} />
        <LanguageSection />
        <TimeZoneSection />
        <section aria-labelledby="sessions-heading" className="card p-6">
          <h2 id="sessions-heading" className="text-lg font-semibold">
            Sessions
          </h2>
          <p className="mt-1 mb-4 text-sm text-zinc-500 dark:text-zinc-400">Signs you out on every device and browser, this one included.</p>
          <SignOutButton everywhere className="btn-danger" label="Sign out everywhere" />
        </section>
      </main>
    </>
  );
}
