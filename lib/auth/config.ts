import NextAuth, { type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { getDb } from "../db";
import { accounts, sessions, users, verificationTokens } from "../db/schema";
import { getUserAccess } from "../users/queries";
import { checkCredentials } from "./credentials";

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
  }
}

/** Idle session lifetime: a session unused this long ends. */
const IDLE_SECONDS = 12 * 60 * 60;

// A function, so the database is opened on the first request and never by `next build`.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  adapter: DrizzleAdapter(getDb(), {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  }),
  session: { strategy: "jwt", maxAge: IDLE_SECONDS, updateAge: 15 * 60 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials) => checkCredentials(getDb(), credentials),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        // Sign-in: bind the token to the account's current security stamp.
        return { sub: user.id, stamp: user.securityStamp, name: user.name, email: user.email };
      }
      // Every later request: the account must still exist, be active and carry the
      // same stamp, or the session ends here (Auth.js then clears the cookie).
      const current = token.sub ? getUserAccess(getDb(), token.sub) : null;
      if (!current || !current.active || current.securityStamp !== token.stamp) return null;
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub!;
      return session;
    },
  },
}));
