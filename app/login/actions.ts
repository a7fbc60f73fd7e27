"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/config";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { signInMessage } from "@/lib/auth/messages";
import { codeStepUrl } from "@/lib/auth/two-factor/messages";

export interface LoginState {
  message?: string;
  email?: string;
}

export async function loginAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const email = String(formData.get("email") ?? "").slice(0, 254);
  const password = String(formData.get("password") ?? "").slice(0, 1024);
  const redirectTo = safeCallbackUrl(formData.get("callbackUrl"), "/");
  try {
    await signIn("credentials", { email, password, redirectTo });
  } catch (error) {
    // Success is a redirect, which Next throws and must propagate.
    if (!(error instanceof AuthError)) throw error;
    const code = (error as AuthError & { code?: string }).code;
    // Right password, two-factor account: on to the code step (its challenge cookie is set).
    if (code === "two-factor") redirect(codeStepUrl(redirectTo));
    return { message: signInMessage(code), email };
  }
  return {};
}
