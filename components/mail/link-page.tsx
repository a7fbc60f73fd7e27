import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { ClientMessages } from "@/lib/i18n/client-messages";
import type { ActionState } from "@/lib/actions/state";
import { SetPasswordForm } from "./set-password-form";

/**
 * The page a mailed password link opens: its form while the link is good,
 * else one answer for a link that is unknown, used, replaced or expired.
 */
export async function PasswordLinkPage({ heading, intro, token, usable, action }: { heading: string; intro: string; token: string; usable: boolean; action: (state: ActionState, form: FormData) => Promise<ActionState> }) {
  const t = await getTranslations("mail.links");
  return (
    <main id="content" tabIndex={-1} className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <h1 className="mb-1 text-center text-2xl font-semibold tracking-tight">{heading}</h1>
        {usable ? (
          <>
            <p className="mb-8 text-center text-sm text-zinc-500 dark:text-zinc-400">{intro}</p>
            <div className="card p-6">
              <ClientMessages namespaces={["mail.setPassword"]}>
                <SetPasswordForm action={action} token={token} />
              </ClientMessages>
            </div>
          </>
        ) : (
          <div className="card mt-6 space-y-4 p-6">
            <p role="alert">{t("invalid")}</p>
            <p className="text-sm">
              <Link href="/password/forgot" className="link">
                {t("askAgain")}
              </Link>
            </p>
          </div>
        )}
      </div>
    </main>
  );
}
