import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { startEnrolmentAction } from "@/lib/auth/two-factor/account-actions";
import { getOwnTwoFactorStatus } from "@/lib/auth/two-factor/queries";
import { TWO_FACTOR_SETUP_PATH } from "@/lib/auth/two-factor/required";
import { AccountSection } from "@/components/account/account-section";

/** The account page's two-factor summary: start set-up, or go and manage it. */
export async function TwoFactorSection({ userId }: { userId: string }) {
  const [status, t] = await Promise.all([getOwnTwoFactorStatus(userId), getTranslations("twoFactor.section")]);
  return (
    <AccountSection id="two-factor" heading={t("heading")}>
      <div className="space-y-4">
        {status.enabled ? (
          <>
            <p className="text-sm">{t("on", { count: status.recoveryCodesLeft })}</p>
            <Link href={TWO_FACTOR_SETUP_PATH} className="btn-secondary">
              {t("manage")}
            </Link>
          </>
        ) : (
          <>
            <p className="text-sm text-zinc-500 dark:text-zinc-400">{t("off")}</p>
            <form action={startEnrolmentAction}>
              <button type="submit" className="btn-primary">
                {t("setUp")}
              </button>
            </form>
          </>
        )}
      </div>
    </AccountSection>
  );
}
