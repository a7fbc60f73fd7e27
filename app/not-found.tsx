import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { ErrorPage } from "@/components/error-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("errors.notFound"))("title") };
}

export default async function NotFound() {
  const t = await getTranslations("errors.notFound");
  return <ErrorPage status={404} title={t("title")} text={t("text")} />;
}
