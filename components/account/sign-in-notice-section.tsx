import { getTranslations } from "@/lib/i18n/server";
import { setSignInNoticeAction } from "@/lib/account/sign-in-notice-actions";
import { getOwnSignInNotice } from "@/lib/account/queries";
import { mailEnabled } from "@/lib/mail/config";
import { AccountSection } from "./account-section";

/**
 * The Sign-in notices section of /account: whether a sign-in from an address
 * the account never signed in from is mailed to its owner. A server-rendered
 * form; hidden where no mail can be sent.
 */
export async function SignInNoticeSection({ userId, notice }: { userId: string; notice?: unknown }) {
  if (!mailEnabled()) return null;
  const [on, t] = await Promise.all([getOwnSignInNotice(userId), getTranslations("account.signInNotice")]);
  return (
    <AccountSection id="sign-in-notice" heading={t("heading")} intro={t("intro")} saved={notice === "sign-in-notice" ? t("saved") : null}>
      <form action={setSignInNoticeAction} className="flex flex-wrap items-center gap-3">
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="notify" defaultChecked={on} className="mt-0.5 size-4 rounded border-zinc-300" />
          <span>{t("label")}</span>
        </label>
        <button type="submit" className="btn-primary">
          {t("submit")}
        </button>
      </form>
    </AccountSection>
  );
}
