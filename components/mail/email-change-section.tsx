import { getTranslations } from "@/lib/i18n/server";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { mailEnabled } from "@/lib/mail/config";
import { EmailChangeForm } from "./email-change-form";

/** On /account: a new address, confirmed from that address; hidden where no mail can be sent. */
export async function EmailChangeSection() {
  if (!mailEnabled()) return null;
  const t = await getTranslations("mail.emailChange");
  return (
    <section aria-labelledby="email-change-heading" className="card p-6">
      <h2 id="email-change-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="mt-1 mb-4 text-sm text-zinc-500 dark:text-zinc-400">{t("intro")}</p>
      <ClientMessages namespaces={["mail.emailChange"]}>
        <EmailChangeForm />
      </ClientMessages>
    </section>
  );
}
