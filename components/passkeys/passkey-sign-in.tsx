"use client";

import { browserSupportsWebAuthnAutofill } from "@simplewebauthn/browser";
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { IDLE } from "@/lib/actions/state";
import { passkeyOptionsAction, passkeySignInAction } from "@/lib/auth/passkeys/sign-in-actions";
import { FormAlert } from "@/components/form-alert";
import { answerChallenge, formOf, useWebAuthnSupport } from "./ceremony";

/**
 * "Sign in with a passkey" (step "sign-in": any passkey of this site, no
 * e-mail; with `autofill`, also offered by the e-mail field's autofill), or the
 * code step answered with a passkey (step "second-factor"). A successful
 * answer redirects; a refusal is said here.
 */
export function PasskeySignIn({ step, callbackUrl, autofill = false, label }: { step: "sign-in" | "second-factor"; callbackUrl: string; autofill?: boolean; label: string }) {
  const t = useTranslations("passkeys.signIn");
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const supported = useWebAuthnSupport();
  const started = useRef(false);

  async function ceremony(viaAutofill: boolean): Promise<void> {
    const opened = await passkeyOptionsAction(IDLE, formOf({ step }));
    if (!opened.ok || !opened.data || !("options" in opened.data)) {
      if (opened.data && "expired" in opened.data) router.refresh();
      if (!viaAutofill) setMessage(opened.message ?? t("failed"));
      return;
    }
    const response = await answerChallenge(opened.data.options, viaAutofill);
    if (!response) {
      if (!viaAutofill) setMessage(t("cancelled"));
      return;
    }
    setPending(true);
    const answered = await passkeySignInAction(IDLE, formOf({ step, response, callbackUrl }));
    // Reached only when refused: a sign-in redirects.
    setPending(false);
    setMessage(answered.message ?? t("failed"));
    if (answered.data?.expired) router.refresh();
  }

  useEffect(() => {
    if (!autofill || started.current) return;
    started.current = true;
    void browserSupportsWebAuthnAutofill().then((yes) => (yes ? ceremony(true) : undefined));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on the first render
  }, []);

  const click = async () => {
    setMessage(null);
    setPending(true);
    try {
      await ceremony(false);
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="space-y-3">
      <FormAlert message={message} />
      <button type="button" className="btn-secondary w-full" onClick={click} disabled={!supported || pending}>
        {pending ? t("working") : label}
      </button>
    </div>
  );
}
