import { getTranslations } from "@/lib/i18n/server";
import { listOwnSignIns } from "@/lib/audit/queries";
import { LocalTime } from "@/components/local-time";
import { AccountSection } from "./account-section";

/** The signed-in user's own newest sign-ins from the audit log (time and address): nobody else's. */
export async function RecentSignIns({ userId }: { userId: string }) {
  const [entries, t] = await Promise.all([listOwnSignIns(userId), getTranslations("audit.signIns")]);
  return (
    <AccountSection id="sign-ins" heading={t("heading")} intro={t("intro")}>
      {entries.length === 0 ? (
        <p className="text-sm">{t("none")}</p>
      ) : (
        <ol className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
          {entries.map((e) => (
            <li key={e.id} className="py-2 break-words">
              {e.address
                ? t.rich("from", { time: () => <LocalTime iso={e.at.toISOString()} />, address: () => <span translate="no">{e.address}</span> })
                : t.rich("unknownAddress", { time: () => <LocalTime iso={e.at.toISOString()} /> })}
            </li>
          ))}
        </ol>
      )}
    </AccountSection>
  );
}
