import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { getSession } from "@/lib/auth/dal";
import { wayBack } from "@/lib/auth/way-back";
import { env } from "@/lib/env";
import { SiteHeader } from "./site-header";

const TONE = {
  403: "text-red-700 dark:text-red-400",
  404: "text-indigo-700 dark:text-indigo-400",
};

/**
 * The 403 and 404 pages (app/forbidden.tsx, app/not-found.tsx, and the 403
 * middleware answers through app/access-denied): the app's header, what went
 * wrong, and a link to what the user may open. It shows no data.
 */
export async function ErrorPage({ status, title, text }: { status: 403 | 404; title: string; text: string }) {
  const user = await getSession();
  const back = wayBack(user?.access ?? null, env.ADMIN_INDEX_ACCESS);
  const t = await getTranslations("errors.back");
  return (
    <>
      {user ? <SiteHeader user={user} /> : null}
      <main id="content" tabIndex={-1} className="mx-auto max-w-xl px-4 py-16">
        <p className={`text-sm font-semibold ${TONE[status]}`}>{status}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{title}</h1>
        <p className="mt-3 text-zinc-600 dark:text-zinc-400">{text}</p>
        <Link href={back.href} className="link mt-6 inline-block">
          {t(back.label)}
        </Link>
      </main>
    </>
  );
}
