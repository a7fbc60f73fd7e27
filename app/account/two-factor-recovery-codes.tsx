import { getTranslations } from "@/lib/i18n/server";
import { dismissRecoveryCodesAction } from "@/lib/auth/two-factor/account-actions";

/** The recovery codes, shown once right after they are made, with a text file to keep. */
export async function RecoveryCodes({ codes }: { codes: string[] }) {
  const t = await getTranslations("twoFactor.recoveryCodes");
  const file = `${t("fileTitle")}\n${t("fileIntro")}\n\n${codes.join("\n")}\n`;
  return (
    <div role="status" className="space-y-4">
      <p className="text-sm">
        {t("intro")}
      </p>
      <ul aria-label={t("listLabel")} className="grid grid-cols-2 gap-2 rounded-md bg-zinc-50 p-4 font-mono text-sm dark:bg-zinc-900">
        {codes.map((c) => (
          <li key={c} translate="no">
            {c}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-3">
        <a className="btn-secondary" download="gatehouse-recovery-codes.txt" href={`data:text/plain;charset=utf-8,${encodeURIComponent(file)}`}>
          {t("download")}
        </a>
        <form action={dismissRecoveryCodesAction}>
          <button type="submit" className="btn-primary">
            {t("saved")}
          </button>
        </form>
      </div>
    </div>
  );
}
