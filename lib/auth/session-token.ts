import { getToken, type JWT } from "next-auth/jwt";

/** Auth.js's secret (lib/env.ts requires a real one in production). */
export const authSecret =
  process.env.AUTH_SECRET ??
  (process.env.NODE_ENV === "production" ? undefined : "levelset-development-only-secret-not-for-production");

/** What a session token vouches for: the user and the session version it was issued for. */
export function sessionClaims(token: JWT | null): { userId: string; sessionVersion: number } | null {
  if (!token || typeof token.uid !== "string" || token.uid === "") return null;
  return { userId: token.uid, sessionVersion: typeof token.sv === "number" ? token.sv : -1 };
}

/**
 * The session a request's cookies carry, or null. This is what `auth()` returns
 * on the server, minus its cost: `auth()` runs Auth.js's whole session endpoint
 * in-process (a Request, a CSRF token, decrypting the cookie, re-encrypting a
 * fresh one that only a route handler could send) for about 1 ms of CPU, on
 * every page, action and autosave. This only decrypts the cookie, with Auth.js's
 * own decoder and cookie names; the JWT's expiry is checked as there.
 *
 * Both cookie names are tried (`__Secure-` is the one used over HTTPS). Each
 * token is encrypted with its cookie's name as salt, so a cookie decodes only
 * under the name it was issued for. Only the cookie is read: a bearer token in
 * an `Authorization` header is not a session here.
 */
export async function readSession(cookieHeader: string): Promise<{ userId: string; sessionVersion: number } | null> {
  const req = { headers: { cookie: cookieHeader } };
  for (const secureCookie of [true, false]) {
    const claims = sessionClaims(await getToken({ req, secret: authSecret ?? "", secureCookie }));
    if (claims) return claims;
  }
  return null;
}
