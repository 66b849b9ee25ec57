import { describe, expect, it } from "vitest";

import { getDb } from "@/lib/db";
import { withFreshDatabase } from "@/lib/testing/test-db";

import { AppError } from "./errors";
import { LIMITS, retryAfterSeconds, signInLimitKeys } from "./rate-limit";
import { changePassword, changePasswordSchema, createUserWithTeam, getSessionUser, verifyCredentials } from "./users";

withFreshDatabase();

const OLD = "the-old-long-password";
const NEW = "a-brand-new-passphrase";
let n = 0;

async function newUser() {
  n += 1;
  const { user } = await createUserWithTeam({ name: "Pat Person", email: `pat-${n}-${Date.now()}@account.test`, password: OLD });
  return user;
}

async function userRow(id: string) {
  return getDb().user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true, sessionVersion: true } });
}

const change = (currentPassword: string, newPassword = NEW, confirmPassword = newPassword) => ({ currentPassword, newPassword, confirmPassword });

describe("changing a password", () => {
  it("takes the new password, refuses the old one, and ends every session issued before", async () => {
    const user = await newUser();
    await expect(getSessionUser(user.id, user.sessionVersion)).resolves.not.toBeNull();

    const result = await changePassword({ userId: user.id }, change(OLD), "198.51.100.1");

    expect(result).toEqual({ email: user.email, sessionVersion: user.sessionVersion + 1 });
    await expect(getSessionUser(user.id, user.sessionVersion)).resolves.toBeNull();
    await expect(getSessionUser(user.id, result.sessionVersion)).resolves.toMatchObject({ id: user.id });
    await expect(verifyCredentials(user.email, OLD)).resolves.toBeNull();
    await expect(verifyCredentials(user.email, NEW)).resolves.toMatchObject({ id: user.id });
  });

  it("a wrong current password is a field error, writes nothing, and counts as a failed sign-in", async () => {
    const user = await newUser();
    const before = await userRow(user.id);
    const error = await changePassword({ userId: user.id }, change("not-my-password"), "198.51.100.2").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fieldErrors?.currentPassword?.[0]).toMatch(/isn’t your current password/);
    expect(await userRow(user.id)).toEqual(before);
    const row = await getDb().rateLimit.findUnique({ where: { key: `auth:account:${user.email}` } });
    expect(row?.count).toBe(1);
  });

  it("locks after as many wrong attempts as sign-in allows, even with the right password then", async () => {
    const user = await newUser();
    const address = "198.51.100.3";
    for (let i = 0; i < LIMITS.account; i++) {
      await expect(changePassword({ userId: user.id }, change(`wrong-${i}`), address)).rejects.toMatchObject({ code: "VALIDATION" });
    }
    const before = await userRow(user.id);
    await expect(changePassword({ userId: user.id }, change(OLD), address)).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringMatching(/Too many failed attempts/),
    });
    expect(await userRow(user.id)).toEqual(before);
    // The same counter guards the sign-in form for this account.
    expect(await retryAfterSeconds(signInLimitKeys(user.email, "192.0.2.50"))).toBeGreaterThan(0);
  });

  it("validates the form: confirmation must match, new must be long enough and differ from the current", () => {
    const errors = (input: ReturnType<typeof change>) => {
      const parsed = changePasswordSchema.safeParse(input);
      return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
    };
    expect(errors(change(OLD, NEW, "something-else-entirely"))).toEqual({ confirmPassword: "This doesn’t match the new password" });
    expect(errors(change(OLD, "short"))).toEqual({ newPassword: "Use at least 12 characters" });
    expect(errors(change(OLD, OLD))).toEqual({ newPassword: "Choose a password different from your current one" });
    expect(errors(change("", NEW))).toEqual({ currentPassword: "Enter your current password" });
    expect(errors(change(OLD))).toEqual({});
  });
});
