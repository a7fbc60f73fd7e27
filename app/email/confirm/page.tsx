import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { LinkShell } from "@/components/mail/link-shell";
import { TokenButtonForm } from "@/components/mail/token-button-form";
import { getDb } from "@/lib/db";
import { confirmEmailAction } from "@/lib/mail/link-actions";
import { findUsableToken } from "@/lib/mail/tokens";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mail.confirmEmail"))("title") };
}

/** The link mailed to a new address: one button makes it the account's address. */
export default async function ConfirmEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const raw = typeof token === "string" ? token : "";
  const t = await getTranslations("mail.confirmEmail");
  const found = await findUsableToken(getDb(), raw, ["email-change"]);
  return (
    <LinkShell heading={t("heading")} usable={!!found?.newEmail}>
      <p>{t.rich("intro", { email: found?.newEmail ?? "", value: (chunks) => <strong translate="no">{chunks}</strong> })}</p>
      <TokenButtonForm action={confirmEmailAction} token={raw} label={t("submit")} />
    </LinkShell>
  );
}
