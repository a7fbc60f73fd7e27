import type { ReactNode } from "react";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";

/** The frame of a page a mailed link opens: its heading, then its content, or one answer for a link that is no longer good. */
export async function LinkShell({ heading, usable, children }: { heading: string; usable: boolean; children: ReactNode }) {
  const t = await getTranslations("mail.links");
  return (
    <main id="content" tabIndex={-1} className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <h1 className="mb-6 text-center text-2xl font-semibold tracking-tight">{heading}</h1>
        <div className="card space-y-4 p-6">
          {usable ? (
            children
          ) : (
            <>
              <p role="alert">{t("invalid")}</p>
              <p className="text-sm">
                <Link href="/login" className="link">
                  {t("toSignIn")}
                </Link>
              </p>
            </>
          )}
        </div>
      </div>
    </main>
  );
}
