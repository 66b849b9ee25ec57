import { describe, expect, it } from "vitest";

import { encode } from "next-auth/jwt";

import { authSecret, readSession } from "./session-token";

/**
 * `readSession` reads the session cookie the way Auth.js issues it: a JWE whose
 * key is derived from the secret and the cookie's name. The browser tests sign
 * in for real; these pin the refusals.
 */
const PLAIN = "authjs.session-token";
const SECURE = "__Secure-authjs.session-token";

async function cookieFor(name: string, token: Record<string, unknown>, { salt = name, secret = authSecret!, maxAge = 3600 } = {}) {
  return `${name}=${await encode({ token, secret, salt, maxAge })}`;
}

describe("readSession", () => {
  it("reads the user and session version from the cookie, over HTTP and HTTPS", async () => {
    const token = { uid: "user-1", sv: 3, name: "Ada", email: "ada@levelset.test" };
    await expect(readSession(await cookieFor(PLAIN, token))).resolves.toEqual({ userId: "user-1", sessionVersion: 3 });
    await expect(readSession(`theme=dark; ${await cookieFor(SECURE, token)}`)).resolves.toEqual({ userId: "user-1", sessionVersion: 3 });
  });

  it("is signed out without a cookie, or with one that does not decrypt", async () => {
    await expect(readSession("")).resolves.toBeNull();
    await expect(readSession("theme=dark")).resolves.toBeNull();
    const good = await cookieFor(PLAIN, { uid: "user-1", sv: 0 });
    const tampered = good.slice(0, -6) + (good.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
    await expect(readSession(tampered)).resolves.toBeNull();
    await expect(readSession(await cookieFor(PLAIN, { uid: "user-1", sv: 0 }, { secret: "another-secret-another-secret-another" }))).resolves.toBeNull();
  });

  it("accepts a cookie only under the name it was issued for", async () => {
    // A token made for the plain cookie, planted under the HTTPS name (and the reverse), does not decrypt.
    await expect(readSession(await cookieFor(SECURE, { uid: "user-1", sv: 0 }, { salt: PLAIN }))).resolves.toBeNull();
    await expect(readSession(await cookieFor(PLAIN, { uid: "user-1", sv: 0 }, { salt: SECURE }))).resolves.toBeNull();
  });

  it("is signed out when the token has expired or names no user", async () => {
    await expect(readSession(await cookieFor(PLAIN, { uid: "user-1", sv: 0 }, { maxAge: -60 }))).resolves.toBeNull();
    await expect(readSession(await cookieFor(PLAIN, { sv: 0, email: "ada@levelset.test" }))).resolves.toBeNull();
  });

  it("gives a token without a session version one that no user has", async () => {
    await expect(readSession(await cookieFor(PLAIN, { uid: "user-1" }))).resolves.toEqual({ userId: "user-1", sessionVersion: -1 });
  });
});
