import { getTranslations } from "@/lib/i18n/server";
import { setLanguageAction } from "@/lib/account/language-actions";
import { getSession } from "@/lib/auth/dal";
import { LOCALE_NAMES, supportedLocales, PSEUDO_LOCALE } from "@/lib/i18n/locales";
import { AccountSection } from "./account-section";

/**
 * The Language section of /account: the panel's language, or the browser's
 * (Accept-Language). A server-rendered form; the choice shows from the next
 * page on, which the save redirects to.
 */
export async function LanguageSection({ notice }: { notice?: unknown }) {
  const [user, t] = await Promise.all([getSession(), getTranslations("account.language")]);
  if (!user) return null;
  const options = supportedLocales().map((code) => ({ code, name: code === PSEUDO_LOCALE ? "Pseudo (en-XA)" : LOCALE_NAMES[code] }));
  return (
    <AccountSection id="language" heading={t("heading")} intro={t("intro")} saved={notice === "language" ? t("saved") : null}>
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
    </AccountSection>
  );
}
