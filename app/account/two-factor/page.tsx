import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { requireUserForTwoFactorSetup } from "@/lib/auth/dal";
import { cancelEnrolmentAction, startEnrolmentAction } from "@/lib/auth/two-factor/account-actions";
import { getOwnEnrolment, getOwnTwoFactorStatus, mustSetUpOwnTwoFactor } from "@/lib/auth/two-factor/queries";
import { codesToShow } from "@/lib/auth/two-factor/shown-codes";
import { qrSvg } from "@/lib/auth/two-factor/qr";
import { RECOVERY_CODE_COUNT } from "@/lib/auth/two-factor/recovery-codes";
import { SiteHeader } from "@/components/site-header";
import { Flash } from "@/components/flash";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { EnrolmentPanel } from "../two-factor-enrolment";
import { DisableTwoFactorForm, RegenerateCodesForm } from "../two-factor-manage";
import { RecoveryCodes } from "../two-factor-recovery-codes";
import { PasskeysSection } from "@/components/passkeys/passkeys-section";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("twoFactor"))("title") };
}

/** Confirmations after a change (messages `twoFactor.page`), each shown only while it is still true. */
const NOTICES = {
  on: { text: "noticeOn", enabled: true },
  codes: { text: "noticeCodes", enabled: true },
  off: { text: "noticeOff", enabled: false },
} as const;

/** The forms' words, the only ones their client components are sent. */
const FORM_MESSAGES = ["twoFactor.forms"];

/** Set-up and management of the user's own two-factor sign-in; the one page REQUIRE_2FA_ROLES leaves open. */
export default async function TwoFactorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUserForTwoFactorSetup();
  const status = await getOwnTwoFactorStatus(user.id);
  const enrolment = status.enrolling ? await getOwnEnrolment(user.id, user.email) : null;
  const qr = enrolment ? await qrSvg(enrolment.uri) : "";
  const newCodes = status.enabled ? await codesToShow(user.id) : null;
  const required = await mustSetUpOwnTwoFactor(user);
  const { notice } = await searchParams;
  const t = await getTranslations("twoFactor.page");
  const known = typeof notice === "string" && Object.hasOwn(NOTICES, notice) ? NOTICES[notice as keyof typeof NOTICES] : undefined;
  const flash = known && known.enabled === status.enabled ? t(known.text) : null;
  return (
    <>
      <SiteHeader user={user} />
      <main id="content" tabIndex={-1} className="mx-auto max-w-2xl space-y-8 px-4 py-10">
        <h1 className="text-2xl font-semibold tracking-tight">{t("heading")}</h1>
        {required ? (
          <p role="status" className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-900">
            {t("required")}
          </p>
        ) : null}
        {flash ? <Flash text={flash} /> : null}
        {newCodes ? (
          <section aria-labelledby="new-codes-heading" className="card p-6">
            <h2 id="new-codes-heading" className="mb-4 text-lg font-semibold">
              {t("newCodesHeading")}
            </h2>
            <RecoveryCodes codes={newCodes} />
          </section>
        ) : null}
        {enrolment ? (
          <ClientMessages namespaces={FORM_MESSAGES}>
            <EnrolmentPanel>
            <div className="space-y-4">
              <div className="w-48 rounded-md bg-white p-1" role="img" aria-label={t("qrLabel")} dangerouslySetInnerHTML={{ __html: qr }} />
              <p className="text-sm">{t("keyIntro")}</p>
              <p className="font-mono text-sm break-all" data-testid="totp-key" translate="no">
                {enrolment.key}
              </p>
              <details className="text-sm">
                <summary>{t("showLink")}</summary>
                <p className="mt-2 font-mono text-xs break-all" data-testid="otpauth-uri" translate="no">
                  {enrolment.uri}
                </p>
              </details>
            </div>
            </EnrolmentPanel>
          </ClientMessages>
        ) : null}
        {enrolment ? (
          <form action={cancelEnrolmentAction}>
            <button type="submit" className="btn-secondary">
              {t("cancel")}
            </button>
          </form>
        ) : null}
        {!status.enabled && !enrolment ? (
          <section aria-labelledby="start-heading" className="card space-y-4 p-6">
            <h2 id="start-heading" className="text-lg font-semibold">
              {t("startHeading")}
            </h2>
            <p className="text-sm text-zinc-500 dark:text-zinc-400">{t("startIntro")}</p>
            <form action={startEnrolmentAction}>
              <button type="submit" className="btn-primary">
                {t("setUp")}
              </button>
            </form>
          </section>
        ) : null}
        {status.enabled && !newCodes ? (
          <>
            <section aria-labelledby="codes-left-heading" className="card space-y-4 p-6">
              <h2 id="codes-left-heading" className="text-lg font-semibold">
                {t("codesHeading")}
              </h2>
              <p className="text-sm" data-testid="recovery-codes-left">
                {t("codesLeft", { left: status.recoveryCodesLeft, total: RECOVERY_CODE_COUNT })}
              </p>
              <ClientMessages namespaces={FORM_MESSAGES}>
                <RegenerateCodesForm />
              </ClientMessages>
            </section>
            <section aria-labelledby="disable-heading" className="card space-y-4 p-6">
              <h2 id="disable-heading" className="text-lg font-semibold">
                {t("disableHeading")}
              </h2>
              <ClientMessages namespaces={FORM_MESSAGES}>
                <DisableTwoFactorForm />
              </ClientMessages>
            </section>
          </>
        ) : null}
        {/* A passkey satisfies REQUIRE_2FA_ROLES too; this is the one page such a user may reach. */}
        {required ? <PasskeysSection userId={user.id} /> : null}
      </main>
    </>
  );
}
