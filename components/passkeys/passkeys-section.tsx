import { getTranslations } from "@/lib/i18n/server";
import { getOwnPasskeys, passkeyIsLastSecondFactor } from "@/lib/auth/passkeys/queries";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { LocalTime } from "@/components/local-time";
import { AccountSection } from "@/components/account/account-section";
import { AddPasskeyForm } from "./add-passkey-form";
import { RenamePasskey } from "./rename-passkey";
import { RemovePasskey } from "./remove-passkey";

/** What a finished change says (messages `passkeys.section`), by the `notice` the action redirected with. */
const NOTICES: Record<string, "added" | "renamed" | "removed"> = { "passkey-added": "added", "passkey-renamed": "renamed", "passkey-removed": "removed" };

/** /account's passkeys: each one's name, when it was added and last used, rename and remove; and a form to add one. */
export async function PasskeysSection({ userId, notice }: { userId: string; notice?: unknown }) {
  const [list, t, last] = await Promise.all([getOwnPasskeys(userId), getTranslations("passkeys.section"), passkeyIsLastSecondFactor(userId)]);
  const flash = typeof notice === "string" && Object.hasOwn(NOTICES, notice) ? t(NOTICES[notice]!) : null;
  return (
    <AccountSection id="passkeys" heading={t("heading")} intro={t("intro")} saved={flash}>
      <div className="space-y-4">
        {list.length === 0 ? (
          <p className="text-sm">{t("none")}</p>
        ) : (
          <ul aria-label={t("listLabel")} className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {list.map((p) => (
              <li key={p.id} className="space-y-2 py-3 text-sm" data-testid="passkey">
                <p className="font-medium" translate="no">
                  {p.name}
                </p>
                <p className="text-zinc-500 dark:text-zinc-400">
                  {t.rich("created", { time: () => <LocalTime iso={p.createdAt.toISOString()} /> })}
                  {" · "}
                  {p.lastUsedAt ? t.rich("lastUsed", { time: () => <LocalTime iso={p.lastUsedAt!.toISOString()} /> }) : t("neverUsed")}
                </p>
                <div className="flex flex-wrap items-start gap-4">
                  <ClientMessages namespaces={["passkeys.form"]}>
                    <RenamePasskey id={p.id} name={p.name} />
                    <RemovePasskey id={p.id} name={p.name} last={last} />
                  </ClientMessages>
                </div>
              </li>
            ))}
          </ul>
        )}
        <ClientMessages namespaces={["passkeys.form"]}>
          <AddPasskeyForm />
        </ClientMessages>
      </div>
    </AccountSection>
  );
}
