import Link from "next/link";
import { startEnrolmentAction } from "@/lib/auth/two-factor/account-actions";
import { getOwnTwoFactorStatus } from "@/lib/auth/two-factor/queries";
import { TWO_FACTOR_SETUP_PATH } from "@/lib/auth/two-factor/required";

/** The account page's two-factor summary: start set-up, or go and manage it. */
export async function TwoFactorSection({ userId }: { userId: string }) {
  const status = await getOwnTwoFactorStatus(userId);
  return (
    <section aria-labelledby="two-factor-heading" className="card space-y-4 p-6">
      <h2 id="two-factor-heading" className="text-lg font-semibold">
        Two-factor authentication
      </h2>
      {status.enabled ? (
        <>
          <p className="text-sm">On. Sign-in asks for a code from your authenticator app. {status.recoveryCodesLeft} recovery codes left.</p>
          <Link href={TWO_FACTOR_SETUP_PATH} className="btn-secondary">
            Manage two-factor authentication
          </Link>
        </>
      ) : (
        <>
          <p className="text-sm text-zinc-500 dark:text-zinc-400">Off. Add a code from an authenticator app to your sign-in.</p>
          <form action={startEnrolmentAction}>
            <button type="submit" className="btn-primary">
              Set up two-factor authentication
            </button>
          </form>
        </>
      )}
    </section>
  );
}
