import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { getDb } from "../db";
import { accounts, sessions, users, verificationTokens } from "../db/schema";
import { env } from "../env";
import { clientAddress } from "../net/client-address";
import { authRedirect } from "../net/site-url";
import { randomToken } from "../random";
import { isDatabaseOutage } from "../db/unavailable";
import { log, logFailure } from "../log";
import { checkCredentials, SignInBusy, SignInThrottled } from "./credentials";
import { revokeSession } from "./revocation";
import { SESSION_UPDATE_AGE_SECONDS } from "./session";
import { sessionStillValid } from "./session-check";
import { requireSecondStep, twoFactorProvider } from "./two-factor/sign-in";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
  }
  interface User {
    securityStamp?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    stamp?: string;
    /** When the user signed in (ms), for the absolute session lifetime. */
    authTime?: number;
    /** This session's id, so that sign-out can revoke it on the server. */
    sid?: string;
  }
}

/** Tells the sign-in form to say "try again later" instead of "invalid". */
export class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
}

/** Tells the sign-in form to say "try again shortly": too many sign-ins at once. */
export class BusySignIn extends CredentialsSignin {
  code = "busy";
}

/** Tells the sign-in form that the service is unavailable: the database did not answer, so nothing was decided. */
export class UnavailableSignIn extends CredentialsSignin {
  code = "unavailable";
}

// A function, so the database is opened on the first request and never by `next build`.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  adapter: DrizzleAdapter(getDb(), {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  }),
  // maxAge is the idle lifetime (middleware extends it every updateAge); the absolute one is checked in sessionUser().
  session: { strategy: "jwt", maxAge: env.SESSION_IDLE_MINUTES * 60, updateAge: SESSION_UPDATE_AGE_SECONDS },
  pages: { signIn: "/login" },
  logger: {
    // Failed and throttled sign-ins are expected (and in the audit log); a
    // forged or stale cookie is treated as anonymous. Neither deserves a stack
    // trace; a failed session check was logged where it failed.
    error(error) {
      const name = (error as { type?: string }).type ?? error.name;
      if (name === "CredentialsSignin" || name === "JWTSessionError") return;
      log.error({ event: "auth error", name }, `auth ${name}: ${error.message}`);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        try {
          const user = await checkCredentials(getDb(), credentials, clientAddress(request.headers));
          // Two-factor accounts get no session here: the form moves on to the code step.
          return await requireSecondStep(user, request);
        } catch (error) {
          if (error instanceof SignInThrottled) throw new ThrottledSignIn();
          if (error instanceof SignInBusy) throw new BusySignIn();
          if (isDatabaseOutage(error)) {
            logFailure("sign-in failed", error);
            throw new UnavailableSignIn();
          }
          throw error;
        }
      },
    }),
    twoFactorProvider,
  ],
  events: {
    // Every way out (our /logout, Auth.js's own /api/auth/signout, a server
    // signOut()) comes through here: the session id is refused from now on, so
    // a copy of the cookie kept from before stops working too.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (token?.sid) await revokeSession(getDb(), token.sid, new Date(Date.now() + env.SESSION_MAX_HOURS * 3_600_000));
    },
  },
  callbacks: {
    // Relative (or on AUTH_URL): never the address the server listens on.
    redirect: authRedirect,
    async jwt({ token, user }) {
      if (user) {
        // Sign-in: bind the token to the account's current security stamp.
        return { sub: user.id, stamp: user.securityStamp, name: user.name, email: user.email, authTime: Date.now(), sid: randomToken(16) };
      }
      // A refresh (middleware, every updateAge) or auth(): the same check as every
      // page's, or the session ends here (Auth.js then clears the cookie). A
      // failed check throws: callers discard that response (watchSessionChecks).
      return (await sessionStillValid(getDb(), token)) ? token : null;
    },
    session({ session, token }) {
      // What the browser gets from /api/auth/session: who is signed in, never the session id.
      return { expires: session.expires, user: { id: token.sub!, name: session.user?.name ?? null, email: session.user?.email ?? "" } } as typeof session;
    },
  },
}));
