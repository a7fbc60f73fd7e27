import { getTranslations } from "@/lib/i18n/server";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { mailEnabled } from "@/lib/mail/config";
import { AccountSection } from "@/components/account/account-section";
import { EmailChangeForm } from "./email-change-form";

/** On /account: a new address, confirmed from that address; hidden where no mail can be sent. */
export async function EmailChangeSection() {
  if (!mailEnabled()) return null;
  const t = await getTranslations("mail.emailChange");
  return (
    <AccountSection id="email-change" heading={t("heading")} intro={t("intro")}>
      <ClientMessages namespaces={["mail.emailChange"]}>
        <EmailChangeForm />
      </ClientMessages>
    </AccountSection>
  );
}
