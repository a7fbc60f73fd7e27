import { getTranslations } from "@/lib/i18n/server";
import { listOwnSignIns } from "@/lib/audit/queries";
import { LocalTime } from "@/components/local-time";

/** The signed-in user's own newest sign-ins from the audit log (time and address): nobody else's. */
export async function RecentSignIns({ userId }: { userId: string }) {
  const [entries, t] = await Promise.all([listOwnSignIns(userId), getTranslations("audit.signIns")]);
  return (
    <section aria-labelledby="sign-ins-heading" className="card p-6">
      <h2 id="sign-ins-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">{t("intro")}</p>
      {entries.length === 0 ? (
        <p className="mt-3 text-sm">{t("none")}</p>
      ) : (
        <ol className="mt-3 divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
          {entries.map((e) => (
            <li key={e.id} className="py-2 break-words">
              {e.address
                ? t.rich("from", { time: () => <LocalTime iso={e.at.toISOString()} />, address: () => <span translate="no">{e.address}</span> })
                : t.rich("unknownAddress", { time: () => <LocalTime iso={e.at.toISOString()} /> })}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
