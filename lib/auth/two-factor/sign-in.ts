import { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { getDb } from "../../db";
import type { PasswordChecked, SignedInUser } from "../credentials";
import { CHALLENGE_COOKIE, CHALLENGE_TTL_MS, createChallenge, redeemChallenge } from "./challenge";

/** The password was right and the account has two-factor: the form moves to the code step. */
export class TwoFactorRequired extends CredentialsSignin {
  code = "two-factor";
}

function secureRequest(request: Request): boolean {
  return process.env.AUTH_URL?.startsWith("https:") || request.headers.get("x-forwarded-proto") === "https" || new URL(request.url).protocol === "https:";
}

/** Binds a challenge to this browser with an httpOnly cookie that lives as long as the challenge. */
export async function setChallengeCookie(token: string, secure: boolean): Promise<void> {
  (await cookies()).set(CHALLENGE_COOKIE, token, { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge: CHALLENGE_TTL_MS / 1000 });
}

/**
 * Called after a correct password. For an account with two-factor there is no
 * session yet: a challenge is opened for this browser and TwoFactorRequired is
 * thrown, so the sign-in form asks for the code.
 */
export async function requireSecondStep(user: PasswordChecked | null, request: Request): Promise<SignedInUser | null> {
  if (!user?.twoFactor) return user;
  await setChallengeCookie(await createChallenge(getDb(), user), secureRequest(request));
  throw new TwoFactorRequired();
}

/**
 * Issues the session for a challenge that a correct code has passed (or that
 * a change to the user's own two-factor opened for this browser). Nothing else
 * gets a session from it: the ticket is single-use and bound to the user's stamp.
 */
export const twoFactorProvider = Credentials({
  id: "two-factor",
  name: "Two-factor",
  credentials: { ticket: {} },
  authorize: (credentials) => redeemChallenge(getDb(), credentials?.ticket),
});
