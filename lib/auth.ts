import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";

import { authSecret, sessionClaims } from "@/lib/auth/session-token";
import { clearFailures, clientAddressOf, recordFailure, retryAfterSeconds, signInLimitKeys } from "@/lib/dal/rate-limit";
import { verifyCredentials } from "@/lib/dal/users";
import { log } from "@/lib/log";

export const RATE_LIMITED_CODE = "rate_limited";
class RateLimitedSignin extends CredentialsSignin {
  code = RATE_LIMITED_CODE;
}

declare module "next-auth" {
  interface Session {
    user: { id: string; sessionVersion: number } & DefaultSession["user"];
  }
}

/**
 * Auth.js (next-auth v5). Email + password, JWT sessions in an encrypted cookie:
 * nothing lives in one server's memory, so any app instance can serve any user.
 * The token carries only the user id and the session version it was issued for;
 * `lib/dal/session.ts` reads it (`readSession`, not `auth()`: see
 * lib/auth/session-token.ts) and checks both against the database on every request, so a
 * bumped `sessionVersion` (password change, removal) ends old sessions.
 */
export const { handlers, signIn, signOut } = NextAuth({
  secret: authSecret,
  trustHost: true,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  logger: {
    // A wrong password is an expected outcome, answered on the form, not a server error.
    error(error) {
      if (error.name === "CredentialsSignin" || error instanceof CredentialsSignin) return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      // Every way in (the sign-in form's action, or a direct POST to /api/auth/callback/credentials)
      // goes through here, so the database-backed limits apply to all of them.
      async authorize(credentials, request) {
        const email = typeof credentials?.email === "string" ? credentials.email : "";
        const password = typeof credentials?.password === "string" ? credentials.password : "";
        const keys = signInLimitKeys(email, clientAddressOf(request.headers));
        const requestId = request.headers.get("x-request-id") ?? undefined;
        if ((await retryAfterSeconds(keys)) > 0) {
          log.warn("auth.sign_in_refused", { requestId, reason: "rate_limited" });
          throw new RateLimitedSignin();
        }
        const user = await verifyCredentials(email, password);
        if (!user) {
          await recordFailure(keys);
          log.warn("auth.sign_in_refused", { requestId, reason: "bad_credentials" });
          return null;
        }
        await clearFailures([keys[0]!]);
        return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    // Only what `authorize` returned on sign-in goes into the token; data a client
    // sends with `update()` is ignored.
    jwt({ token, user, trigger }) {
      if (trigger === "signIn" && user?.id) {
        const sv = (user as { sessionVersion?: unknown }).sessionVersion;
        return { sub: user.id, uid: user.id, sv: typeof sv === "number" ? sv : 0, name: user.name, email: user.email };
      }
      return token;
    },
    session({ session, token }) {
      const claims = sessionClaims(token);
      session.user.id = claims?.userId ?? "";
      session.user.sessionVersion = claims?.sessionVersion ?? -1;
      return session;
    },
  },
});
