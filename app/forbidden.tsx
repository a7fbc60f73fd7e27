import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { ErrorPage } from "@/components/error-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("errors.forbidden"))("title") };
}

export default async function Forbidden() {
  const t = await getTranslations("errors.forbidden");
  return <ErrorPage status={403} title={t("title")} text={t("text")} />;
}
