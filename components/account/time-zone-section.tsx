import { getTranslations } from "@/lib/i18n/server";
import { setTimeZoneAction } from "@/lib/account/time-zone-actions";
import { getSession } from "@/lib/auth/dal";
import { selectableTimeZones } from "@/lib/time-format";
import { AccountSection } from "./account-section";

/**
 * The Time zone section of /account: the zone every time in the panel is
 * shown in, or the browser's (lib/time-zone.ts). A server-rendered form; the
 * choice shows from the next page on, which the save redirects to.
 */
export async function TimeZoneSection({ notice }: { notice?: unknown }) {
  const [user, t] = await Promise.all([getSession(), getTranslations("timeZone")]);
  if (!user) return null;
  const zones = selectableTimeZones();
  // A stored zone the list no longer offers (an older Intl's name) shows as the browser default.
  const current = user.timeZone && zones.includes(user.timeZone) ? user.timeZone : "";
  return (
    <AccountSection id="time-zone" heading={t("heading")} intro={t("intro")} saved={notice === "time-zone" ? t("saved") : null}>
      <form action={setTimeZoneAction} className="flex flex-wrap items-end gap-3">
        <div className="min-w-0">
          <label htmlFor="time-zone" className="label">
            {t("label")}
          </label>
          <select id="time-zone" name="timeZone" defaultValue={current} className="input mt-1 max-w-full">
            <option value="">{t("browserDefault")}</option>
            {zones.map((zone) => (
              // IANA names are identifiers, the same in every language.
              <option key={zone} value={zone} translate="no">
                {zone}
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
