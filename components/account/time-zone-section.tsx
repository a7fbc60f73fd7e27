import { headers } from "next/headers";
import { getTranslations } from "@/lib/i18n/server";
import { setTimeZoneAction } from "@/lib/account/time-zone-actions";
import { getSession } from "@/lib/auth/dal";
import { selectableTimeZones } from "@/lib/time-format";
import { Flash } from "@/components/flash";

/**
 * The Time zone section of /account: the zone every time in the panel is
 * shown in, or the browser's (lib/time-zone.ts). A server-rendered form; the
 * choice shows from the next page on, which the save redirects to.
 */
export async function TimeZoneSection() {
  const [user, t, path] = await Promise.all([getSession(), getTranslations("timeZone"), headers().then((h) => h.get("x-gatehouse-path") ?? "")]);
  if (!user) return null;
  const saved = new URLSearchParams(path.split("?")[1] ?? "").get("notice") === "time-zone";
  const zones = selectableTimeZones();
  // A stored zone the list no longer offers (an older Intl's name) shows as the browser default.
  const current = user.timeZone && zones.includes(user.timeZone) ? user.timeZone : "";
  return (
    <section aria-labelledby="time-zone-heading" className="card p-6">
      <h2 id="time-zone-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="mt-1 mb-4 text-sm text-zinc-500 dark:text-zinc-400">{t("intro")}</p>
      {saved ? <Flash text={t("saved")} className="mb-4" /> : null}
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
    </section>
  );
}
