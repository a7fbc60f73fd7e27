import type { Metadata } from "next";
import { desc } from "drizzle-orm";
import { notFound } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { getDb } from "@/lib/db";
import { mailOutbox } from "@/lib/db/schema/mail";
import { devOutboxEnabled } from "@/lib/mail/config";

/**
 * Development only (a production server answers 404, signed in or not): the
 * last mails of the outbox with their text, so a developer without SMTP_URL
 * can follow an invitation or a reset link, like Django's console backend.
 */

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mail.devOutbox"))("title") };
}

export default async function DevMailPage() {
  if (!devOutboxEnabled()) notFound();
  const t = await getTranslations("mail.devOutbox");
  const mails = await getDb().select().from(mailOutbox).orderBy(desc(mailOutbox.id)).limit(50);
  return (
    <main id="content" tabIndex={-1} className="mx-auto max-w-3xl space-y-6 px-4 py-8">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="text-sm text-zinc-500 dark:text-zinc-400">{t("intro")}</p>
      {mails.length === 0 ? <p>{t("empty")}</p> : null}
      {mails.map((mail) => (
        <article key={mail.id} className="card space-y-2 p-4">
          <h2 className="font-semibold" translate="no">
            {mail.subject}
          </h2>
          <p className="text-sm">
            {t("to")} <span translate="no">{mail.to}</span> · {t(`status.${mail.status}`)} · <time dateTime={mail.createdAt.toISOString()}>{mail.createdAt.toISOString()}</time>
          </p>
          <pre className="overflow-x-auto whitespace-pre-wrap text-sm" translate="no">
            {mail.text ?? t("cleared")}
          </pre>
        </article>
      ))}
    </main>
  );
}
