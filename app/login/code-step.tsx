import Link from "next/link";
import { CHALLENGE_EXPIRED } from "@/lib/auth/two-factor/messages";
import { hasPendingSignIn } from "@/lib/auth/two-factor/queries";
import { CodeStepForm } from "./code-step-form";
import { signInUrl } from "./sign-in-url";

/** The second step of sign-in, shown only to the browser holding a live challenge. */
export async function CodeStep({ callbackUrl }: { callbackUrl: string }) {
  const pending = await hasPendingSignIn();
  return (
    <main id="content" tabIndex={-1} className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <h1 className="mb-1 text-center text-2xl font-semibold tracking-tight">Two-factor authentication</h1>
        <p className="mb-8 text-center text-sm text-zinc-500 dark:text-zinc-400">Enter the code from your authenticator app</p>
        <div className="card p-6">
          {pending ? (
            <CodeStepForm callbackUrl={callbackUrl} />
          ) : (
            <div className="space-y-4">
              <p role="alert" className="text-sm">
                {CHALLENGE_EXPIRED}
              </p>
              <Link href={signInUrl(callbackUrl)} className="btn-primary w-full">
                Sign in again
              </Link>
            </div>
          )}
        </div>
      </div>
    </main>
  );
}
