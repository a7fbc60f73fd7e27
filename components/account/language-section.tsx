import { headers } from "next/headers";
import { getTranslations } from "@/lib/i18n/server";
import { setLanguageAction } from "@/lib/account/language-actions";
import { getSession } from "@/lib/auth/dal";
import { LOCALE_NAMES, supportedLocales, PSEUDO_LOCALE } from "@/lib/i18n/locales";
import { Flash } from "@/components/flash";

/**
 * The Language section of /account: the panel's language, or the browser's
 * (Accept-Language). A server-rendered form; the choice shows from the next
 * page on, which the save redirects to.
 */
export async function LanguageSection() {
  const [user, t, path] = await Promise.all([getSession(), getTranslations("account.language"), headers().then((h) => h.get("x-gatehouse-path") ?? "")]);
  if (!user) return null;
  const saved = new URLSearchParams(path.split("?")[1] ?? "").get("notice") === "language";
  const options = supportedLocales().map((code) => ({ code, name: code === PSEUDO_LOCALE ? "Pseudo (en-XA)" : LOCALE_NAMES[code] }));
  return (
    <section aria-labelledby="language-heading" className="card p-6">
      <h2 id="language-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="mt-1 mb-4 text-sm text-zinc-500 dark:text-zinc-400">{t("intro")}</p>
      {saved ? <Flash text={t("saved")} className="mb-4" /> : null}
      <form action={setLanguageAction} className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="locale" className="label">
            {t("label")}
          </label>
          <select id="locale" name="locale" defaultValue={user.locale ?? ""} className="input mt-1">
            <option value="">{t("browserDefault")}</option>
            {options.map((o) => (
              // Each language by its own name, the same in every language: not a message.
              <option key={o.code} value={o.code} lang={o.code} translate="no">
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-primary">
          {t("submit")}
        </button>
      </form>
    </section>
  );
}
