import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { PasswordLinkPage } from "@/components/mail/link-page";
import { getDb } from "@/lib/db";
import { findUsableToken } from "@/lib/mail/tokens";
import { resetPasswordAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mail.reset"))("title") };
}

/** A reset link's page: a new password for the account, once, within the hour. */
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const raw = typeof token === "string" ? token : "";
  const t = await getTranslations("mail.reset");
  const usable = (await findUsableToken(getDb(), raw, ["reset"])) !== null;
  return <PasswordLinkPage heading={t("heading")} intro={t("intro")} token={raw} usable={usable} action={resetPasswordAction} />;
}
