import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { PasswordLinkPage } from "@/components/mail/link-page";
import { getDb } from "@/lib/db";
import { findUsableToken } from "@/lib/mail/tokens";
import { acceptInvitationAction } from "../password/actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mail.invitation"))("title") };
}

/** An invitation's page: the invited user chooses their password, once, before the invitation expires. */
export default async function InvitationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const raw = typeof token === "string" ? token : "";
  const t = await getTranslations("mail.invitation");
  const found = await findUsableToken(getDb(), raw, ["invite"]);
  return <PasswordLinkPage heading={t("heading")} intro={found ? t("intro", { email: found.email }) : ""} token={raw} usable={found !== null} action={acceptInvitationAction} />;
}
