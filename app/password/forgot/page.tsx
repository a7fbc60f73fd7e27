import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { getSession } from "@/lib/auth/dal";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { mailEnabled } from "@/lib/mail/config";
import { ForgotForm } from "./forgot-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mail.forgot"))("title") };
}

/** "Forgot password?": asks for an address and answers the same whether it has an account or not. */
export default async function ForgotPasswordPage() {
  if (!mailEnabled()) notFound();
  if (await getSession()) redirect("/account");
  const t = await getTranslations("mail.forgot");
  return (
    <main id="content" tabIndex={-1} className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <h1 className="mb-1 text-center text-2xl font-semibold tracking-tight">{t("heading")}</h1>
        <p className="mb-8 text-center text-sm text-zinc-500 dark:text-zinc-400">{t("intro")}</p>
        <div className="card p-6">
          <ClientMessages namespaces={["mail.forgot"]}>
            <ForgotForm />
          </ClientMessages>
        </div>
        <p className="mt-6 text-center text-sm">
          <Link href="/login" className="link">
            {t("back")}
          </Link>
        </p>
      </div>
    </main>
  );
}
