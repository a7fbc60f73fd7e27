import { getTranslations } from "@/lib/i18n/server";
import { adminRemovePasskeysAction } from "@/lib/auth/passkeys/admin-actions";
import { getUserPasskeyCount } from "@/lib/auth/passkeys/queries";
import { Flash } from "../flash";

/** On a user's details page: how many passkeys they have, and for admins "Remove passkeys" (a lost device); it ends no session. */
export async function PasskeysAdminPanel({ userId, mayRemove, notice }: { userId: string; mayRemove: boolean; notice?: string }) {
  const [count, t] = await Promise.all([getUserPasskeyCount(userId), getTranslations("passkeys.admin")]);
  return (
    <section aria-labelledby="passkeys-admin-heading" className="card mt-6 space-y-3 p-4">
      <h2 id="passkeys-admin-heading" className="text-base font-semibold">
        {t("heading")}
      </h2>
      {notice === "passkeys-removed" ? <Flash text={t("removed")} /> : null}
      <p className="text-sm" data-testid="passkey-count">
        {t("count", { count })}
      </p>
      {count > 0 && mayRemove ? (
        <form action={adminRemovePasskeysAction.bind(null, userId)}>
          <button type="submit" className="btn-danger">
            {t("remove")}
          </button>
        </form>
      ) : null}
    </section>
  );
}
