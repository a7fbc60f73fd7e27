import { getTranslations } from "@/lib/i18n/server";
import { adminResetTwoFactorAction } from "@/lib/auth/two-factor/account-actions";
import { getUserTwoFactorEnabled } from "@/lib/auth/two-factor/queries";
import { Flash } from "../flash";

/**
 * On a user's details page, for admins: whether the user has two-factor on,
 * and a reset for someone who lost their authenticator (it ends their sessions).
 */
export async function TwoFactorAdminPanel({ userId, mayReset, notice }: { userId: string; mayReset: boolean; notice?: string }) {
  const [enabled, t] = await Promise.all([getUserTwoFactorEnabled(userId), getTranslations("record.twoFactor")]);
  return (
    <section aria-labelledby="two-factor-admin-heading" className="card mt-6 space-y-3 p-4">
      <h2 id="two-factor-admin-heading" className="text-base font-semibold">
        {t("heading")}
      </h2>
      {notice === "two-factor-reset" ? <Flash text={t("wasReset")} /> : null}
      <p className="text-sm" data-testid="two-factor-state">
        {enabled ? t("on") : t("off")}
      </p>
      {enabled && mayReset ? (
        <form action={adminResetTwoFactorAction.bind(null, userId)}>
          <button type="submit" className="btn-danger">
            {t("reset")}
          </button>
        </form>
      ) : null}
    </section>
  );
}
