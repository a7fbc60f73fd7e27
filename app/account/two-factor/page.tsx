import type { Metadata } from "next";
import { requireUserForTwoFactorSetup } from "@/lib/auth/dal";
import { cancelEnrolmentAction, startEnrolmentAction } from "@/lib/auth/two-factor/account-actions";
import { getOwnEnrolment, getOwnTwoFactorStatus, mustSetUpOwnTwoFactor } from "@/lib/auth/two-factor/queries";
import { codesToShow } from "@/lib/auth/two-factor/shown-codes";
import { qrSvg } from "@/lib/auth/two-factor/qr";
import { SiteHeader } from "@/components/site-header";
import { Flash } from "@/components/flash";
import { EnrolmentPanel } from "../two-factor-enrolment";
import { DisableTwoFactorForm, RegenerateCodesForm } from "../two-factor-manage";
import { RecoveryCodes } from "../two-factor-recovery-codes";

export const metadata: Metadata = { title: "Two-factor authentication" };

/** Confirmations after a change, each shown only while it is still true. */
const NOTICES: Record<string, { text: string; enabled: boolean }> = {
  on: { text: "Two-factor authentication is on.", enabled: true },
  codes: { text: "New recovery codes were made. The old ones no longer work.", enabled: true },
  off: { text: "Two-factor authentication is off.", enabled: false },
};

/** Set-up and management of the user's own two-factor sign-in; the one page REQUIRE_2FA_ROLES leaves open. */
export default async function TwoFactorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUserForTwoFactorSetup();
  const status = await getOwnTwoFactorStatus(user.id);
  const enrolment = status.enrolling ? await getOwnEnrolment(user.id, user.email) : null;
  const qr = enrolment ? await qrSvg(enrolment.uri) : "";
  const newCodes = status.enabled ? await codesToShow(user.id) : null;
  const required = await mustSetUpOwnTwoFactor(user);
  const { notice } = await searchParams;
  const known = typeof notice === "string" && Object.hasOwn(NOTICES, notice) ? NOTICES[notice] : undefined;
  const flash = known && known.enabled === status.enabled ? known.text : null;
  return (
    <>
      <SiteHeader user={user} />
      <main id="content" tabIndex={-1} className="mx-auto max-w-2xl space-y-8 px-4 py-10">
        <h1 className="text-2xl font-semibold tracking-tight">Two-factor authentication</h1>
        {required ? (
          <p role="status" className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-900">
            Your role requires two-factor authentication. Set it up to continue.
          </p>
        ) : null}
        {flash ? <Flash text={flash} /> : null}
        {newCodes ? (
          <section aria-labelledby="new-codes-heading" className="card p-6">
            <h2 id="new-codes-heading" className="mb-4 text-lg font-semibold">
              Your recovery codes
            </h2>
            <RecoveryCodes codes={newCodes} />
          </section>
        ) : null}
        {enrolment ? (
          <EnrolmentPanel>
            <div className="space-y-4">
              <div className="w-48 rounded-md bg-white p-1" role="img" aria-label="QR code for your authenticator app" dangerouslySetInnerHTML={{ __html: qr }} />
              <p className="text-sm">Or enter this key in your app:</p>
              <p className="font-mono text-sm break-all" data-testid="totp-key">
                {enrolment.key}
              </p>
              <details className="text-sm">
                <summary>Show the setup link</summary>
                <p className="mt-2 font-mono text-xs break-all" data-testid="otpauth-uri">
                  {enrolment.uri}
                </p>
              </details>
            </div>
          </EnrolmentPanel>
        ) : null}
        {enrolment ? (
          <form action={cancelEnrolmentAction}>
            <button type="submit" className="btn-secondary">
              Cancel set-up
            </button>
          </form>
        ) : null}
        {!status.enabled && !enrolment ? (
          <section aria-labelledby="start-heading" className="card space-y-4 p-6">
            <h2 id="start-heading" className="text-lg font-semibold">
              Protect your account with a second step
            </h2>
            <p className="text-sm text-zinc-500 dark:text-zinc-400">After your password, sign-in will ask for a code from an authenticator app on your phone.</p>
            <form action={startEnrolmentAction}>
              <button type="submit" className="btn-primary">
                Set up two-factor authentication
              </button>
            </form>
          </section>
        ) : null}
        {status.enabled && !newCodes ? (
          <>
            <section aria-labelledby="codes-left-heading" className="card space-y-4 p-6">
              <h2 id="codes-left-heading" className="text-lg font-semibold">
                Recovery codes
              </h2>
              <p className="text-sm" data-testid="recovery-codes-left">
                {status.recoveryCodesLeft} of 10 recovery codes left. Making new ones replaces them all.
              </p>
              <RegenerateCodesForm />
            </section>
            <section aria-labelledby="disable-heading" className="card space-y-4 p-6">
              <h2 id="disable-heading" className="text-lg font-semibold">
                Turn off two-factor authentication
              </h2>
              <DisableTwoFactorForm />
            </section>
          </>
        ) : null}
      </main>
    </>
  );
}
