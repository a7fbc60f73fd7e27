import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { pendingSecondFactors } from "@/lib/auth/passkeys/queries";
import { PasskeySignIn } from "@/components/passkeys/passkey-sign-in";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { CodeStepForm } from "./code-step-form";
import { signInUrl } from "./sign-in-url";

/** The second step of sign-in, shown only to the browser holding a live challenge. */
export async function CodeStep({ callbackUrl }: { callbackUrl: string }) {
  const pending = await pendingSecondFactors();
  const [t, p] = await Promise.all([getTranslations("login.codeStep"), getTranslations("passkeys.signIn")]);
  return (
    <main id="content" tabIndex={-1} className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <h1 className="mb-1 text-center text-2xl font-semibold tracking-tight">{t("heading")}</h1>
        <p className="mb-8 text-center text-sm text-zinc-500 dark:text-zinc-400">{pending && !pending.code ? p("secondFactorIntro") : t("intro")}</p>
        <div className="card p-6">
          {pending ? (
            <ClientMessages namespaces={["login.codeStep", "passkeys.signIn"]}>
              {pending.code ? <CodeStepForm callbackUrl={callbackUrl} /> : null}
              {pending.code && pending.passkey ? <p className="my-4 text-center text-xs text-zinc-500 dark:text-zinc-400">{p("or")}</p> : null}
              {pending.passkey ? <PasskeySignIn step="second-factor" callbackUrl={callbackUrl} label={p("secondFactor")} /> : null}
            </ClientMessages>
          ) : (
            <div className="space-y-4">
              <p role="alert" className="text-sm">
                {t("expired")}
              </p>
              <Link href={signInUrl(callbackUrl)} className="btn-primary w-full">
                {t("signInAgain")}
              </Link>
            </div>
          )}
        </div>
      </div>
    </main>
  );
}
