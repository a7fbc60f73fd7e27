import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSession } from "@/lib/auth/dal";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getTranslations } from "@/lib/i18n/server";
import { landingFor } from "@/lib/auth/landing";
import { signInMessage } from "@/lib/auth/messages";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { codeStepUrl } from "@/lib/auth/two-factor/messages";
import { mailEnabled } from "@/lib/mail/config";
import Link from "next/link";
import { LoginForm } from "./login-form";
import { CodeStep } from "./code-step";
import { PasskeySignIn } from "@/components/passkeys/passkey-sign-in";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { callbackUrl, error, code, notice, step } = await searchParams;
  // Set by Auth.js when a sign-in was posted to its endpoint directly.
  const [t, p] = await Promise.all([getTranslations("login"), getTranslations("passkeys.signIn")]);
  const initialMessage = notice === "password-changed" ? t("errors.passwordChanged") : notice === "password-set" ? t("errors.passwordSet") : notice === "email-changed" ? t("errors.emailChanged") : error ? t(`errors.${signInMessage(typeof code === "string" ? code : undefined)}`) : undefined;
  // Empty when nothing asked for a page: the sign-in then lands on the admin index (lib/auth/landing).
  const target = safeCallbackUrl(Array.isArray(callbackUrl) ? callbackUrl[0] : callbackUrl, "");
  const session = await getSession();
  if (session) redirect(target || landingFor(session.access));
  // Two-factor: after a correct password (also when posted to Auth.js directly).
  if (error && code === "two-factor") redirect(codeStepUrl(target));
  if (step === "code") return <CodeStep callbackUrl={target} />;
  return (
    <main id="content" tabIndex={-1} className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <h1 className="mb-1 text-center text-2xl font-semibold tracking-tight">{t("heading")}</h1>
        <p className="mb-8 text-center text-sm text-zinc-500 dark:text-zinc-400">{t("intro")}</p>
        <div className="card p-6">
          <ClientMessages namespaces={["login.form", "passkeys.signIn"]}>
            <LoginForm callbackUrl={target} initialMessage={initialMessage} />
            <p className="my-4 text-center text-xs text-zinc-500 dark:text-zinc-400">{p("or")}</p>
            <PasskeySignIn step="sign-in" callbackUrl={target} autofill label={p("button")} />
          </ClientMessages>
        </div>
        {/* Only where a reset link can be mailed (lib/mail/config.ts). */}
        {mailEnabled() ? (
          <p className="mt-6 text-center text-sm">
            <Link href="/password/forgot" className="link">
              {t("forgotPassword")}
            </Link>
          </p>
        ) : null}
      </div>
    </main>
  );
}
