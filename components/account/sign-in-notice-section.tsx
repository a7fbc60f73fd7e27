import { headers } from "next/headers";
import { getTranslations } from "@/lib/i18n/server";
import { setSignInNoticeAction } from "@/lib/account/sign-in-notice-actions";
import { getOwnSignInNotice } from "@/lib/account/queries";
import { mailEnabled } from "@/lib/mail/config";
import { Flash } from "@/components/flash";

/**
 * The Sign-in notices section of /account: whether a sign-in from an address
 * the account never signed in from is mailed to its owner. A server-rendered
 * form; hidden where no mail can be sent.
 */
export async function SignInNoticeSection({ userId }: { userId: string }) {
  if (!mailEnabled()) return null;
  const [on, t, path] = await Promise.all([getOwnSignInNotice(userId), getTranslations("account.signInNotice"), headers().then((h) => h.get("x-gatehouse-path") ?? "")]);
  const saved = new URLSearchParams(path.split("?")[1] ?? "").get("notice") === "sign-in-notice";
  return (
    <section aria-labelledby="sign-in-notice-heading" className="card p-6">
      <h2 id="sign-in-notice-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="mt-1 mb-4 text-sm text-zinc-500 dark:text-zinc-400">{t("intro")}</p>
      {saved ? <Flash text={t("saved")} className="mb-4" /> : null}
      <form action={setSignInNoticeAction} className="flex flex-wrap items-center gap-3">
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="notify" defaultChecked={on} className="mt-0.5 size-4 rounded border-zinc-300" />
          <span>{t("label")}</span>
        </label>
        <button type="submit" className="btn-primary">
          {t("submit")}
        </button>
      </form>
    </section>
  );
}
