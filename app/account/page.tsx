import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { requireUser } from "@/lib/auth/dal";
import { SignOutButton } from "@/components/sign-out-button";
import { getOwnSignInInfo } from "@/lib/account/queries";
import { SiteHeader } from "@/components/site-header";
import { LocalTime } from "@/components/local-time";
import { Flash } from "@/components/flash";
import { PasswordForm } from "./password-form";
import { TwoFactorSection } from "./two-factor-section";
import { PasskeysSection } from "@/components/passkeys/passkeys-section";
import { EmailChangeSection } from "@/components/mail/email-change-section";
import { RecentSignIns } from "@/components/account/recent-sign-ins";
import { LanguageSection } from "@/components/account/language-section";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { TimeZoneSection } from "@/components/account/time-zone-section";
import { SignInNoticeSection } from "@/components/account/sign-in-notice-section";
import { AccountSection } from "@/components/account/account-section";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

async function When({ at, address }: { at: Date | null | undefined; address: string | null | undefined }) {
  const t = await getTranslations("account.details");
  if (!at) return <>{t("never")}</>;
  if (!address) return <LocalTime iso={at.toISOString()} />;
  return t.rich("atFrom", { address, time: () => <LocalTime iso={at.toISOString()} />, value: (chunks) => <span translate="no">{chunks}</span> });
}

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const info = await getOwnSignInInfo(user.id);
  const { notice } = await searchParams;
  const t = await getTranslations("account");
  return (
    <>
      <SiteHeader user={user} />
      <main id="content" tabIndex={-1} className="mx-auto max-w-2xl space-y-8 px-4 py-10">
        <h1 className="text-2xl font-semibold tracking-tight">{t("heading")}</h1>
        {notice === "password" ? (
          <Flash text={t("passwordChanged")} />
        ) : null}
        <dl className="card divide-y divide-zinc-100 dark:divide-zinc-800">
          {[
            [t("details.email"), user.email],
            [t("details.roles"), user.roleNames.join(", ")],
          ].map(([k, v]) => (
            <div key={k} className="grid grid-cols-3 gap-4 px-4 py-3 text-sm">
              <dt className="text-zinc-500 dark:text-zinc-400">{k}</dt>
              <dd className="col-span-2">{v ? <span translate="no">{v}</span> : t("details.noRoles")}</dd>
            </div>
          ))}
          {[
            [t("details.thisSignIn"), "current-sign-in", info?.currentLoginAt, info?.currentLoginIp],
            [t("details.previousSignIn"), "last-sign-in", info?.lastLoginAt, info?.lastLoginIp],
          ].map(([label, testId, at, address]) => (
            <div key={String(testId)} className="grid grid-cols-3 gap-4 px-4 py-3 text-sm">
              <dt className="text-zinc-500 dark:text-zinc-400">{String(label)}</dt>
              <dd className="col-span-2" data-testid={String(testId)}>
                <When at={at as Date | null | undefined} address={address as string | null | undefined} />
              </dd>
            </div>
          ))}
        </dl>
        <AccountSection id="password" heading={t("password.heading")}>
          <ClientMessages namespaces={["account.password.form"]}>
            <PasswordForm />
          </ClientMessages>
        </AccountSection>
        <EmailChangeSection />
        <TwoFactorSection userId={user.id} />
        <PasskeysSection userId={user.id} notice={notice} />
        <RecentSignIns userId={user.id} />
        <SignInNoticeSection userId={user.id} notice={notice} />
        <LanguageSection notice={notice} />
        <TimeZoneSection notice={notice} />
        <AccountSection id="sessions" heading={t("sessions.heading")} intro={t("sessions.intro")}>
          <SignOutButton everywhere className="btn-danger" label={t("sessions.signOutEverywhere")} />
        </AccountSection>
      </main>
    </>
  );
}
