"use client";

import { useTranslations } from "next-intl";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors.failure");
  return (
    <main id="content" tabIndex={-1} className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold tracking-tight">{t("heading")}</h1>
      <p className="mt-3 text-zinc-600 dark:text-zinc-400">
        {t("text")}
        {error.digest ? ` ${t("reference", { digest: error.digest })}` : ""}
      </p>
      <button type="button" onClick={reset} className="btn-secondary mt-6">
        {t("retry")}
      </button>
    </main>
  );
}
