import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { LinkShell } from "@/components/mail/link-shell";
import { TokenButtonForm } from "@/components/mail/token-button-form";
import { getDb } from "@/lib/db";
import { notMeAction } from "@/lib/mail/link-actions";
import { findUsableToken } from "@/lib/mail/tokens";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mail.notMe"))("title") };
}

/** "This was not me" from a security notice: one button ends every session of the account. */
export default async function NotMePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const raw = typeof token === "string" ? token : "";
  const t = await getTranslations("mail.notMe");
  const usable = (await findUsableToken(getDb(), raw, ["not-me"])) !== null;
  return (
    <LinkShell heading={t("heading")} usable={usable}>
      <p>{t("intro")}</p>
      <TokenButtonForm action={notMeAction} token={raw} label={t("submit")} danger />
    </LinkShell>
  );
}
