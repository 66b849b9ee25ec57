import "server-only";

import { z } from "zod";

import { hashPassword, timingSafeDummyHash, verifyPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db";

import type { Actor } from "./actor";
import { AppError, isUniqueViolation } from "./errors";
import { clearFailures, recordFailure, retryAfterSeconds, signInLimitKeys } from "./rate-limit";
import { createTeamRecord } from "./teams";

export const emailSchema = z
  .email({ message: "Enter an email address like name@example.com" })
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long");

export const signUpSchema = z.object({
  name: z.string().trim().min(1, "Enter your name").max(100, "Use at most 100 characters"),
  email: emailSchema,
  password: z
    .string()
    .min(12, "Use at least 12 characters")
    .max(256, "Use at most 256 characters"),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password").max(256, "Use at most 256 characters"),
});

export type SessionUser = { id: string; name: string; email: string; sessionVersion: number };

/**
 * Creates the user and their first team (they own it) in one transaction.
 * A taken email is a field error on `email`; nothing is written.
 */
export async function createUserWithTeam(input: SignUpInput): Promise<{ user: SessionUser; teamSlug: string }> {
  const data = signUpSchema.parse(input);
  const passwordHash = await hashPassword(data.password);
  const db = getDb();
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: data.name, email: data.email, passwordHash },
        select: { id: true, name: true, email: true, sessionVersion: true },
      });
      const firstName = data.name.split(/\s+/)[0] ?? data.name;
      const team = await createTeamRecord(tx, user.id, `${firstName}'s team`);
      return { user, teamSlug: team.slug };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("VALIDATION", "That email is already registered", {
        email: ["An account with this email already exists. Sign in instead?"],
      });
    }
    throw error;
  }
}

/**
 * Checks an email and password. Unknown email and wrong password return the same
 * `null` after the same amount of hashing work, so neither the answer nor its
 * timing tells whether an account exists.
 */
export async function verifyCredentials(email: string, password: string): Promise<SessionUser | null> {
  const parsed = signInSchema.safeParse({ email, password });
  if (!parsed.success) return null;
  const user = await getDb().user.findUnique({
    where: { email: parsed.data.email },
    select: { id: true, name: true, email: true, sessionVersion: true, passwordHash: true },
  });
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? (await timingSafeDummyHash()));
  if (!user || !ok) return null;
  const { passwordHash: _omit, ...dto } = user;
  void _omit;
  return dto;
}

/** The session's user, if the account still exists and the session was not revoked. */
export async function getSessionUser(userId: string, sessionVersion: number): Promise<SessionUser | null> {
  const user = await getDb().user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, sessionVersion: true },
  });
  return user && user.sessionVersion === sessionVersion ? user : null;
}

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(256, "Use at most 256 characters"),
    newPassword: signUpSchema.shape.password,
    confirmPassword: z.string().max(256, "Use at most 256 characters"),
  })
  .superRefine((value, ctx) => {
    if (value.confirmPassword !== value.newPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "This doesn’t match the new password" });
    }
    if (value.newPassword.length > 0 && value.newPassword.normalize("NFKC") === value.currentPassword.normalize("NFKC")) {
      ctx.addIssue({ code: "custom", path: ["newPassword"], message: "Choose a password different from your current one" });
    }
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const WRONG_CURRENT_PASSWORD = "That isn’t your current password";

/**
 * Changes the acting user's password after checking the current one, and bumps
 * `sessionVersion` in the same write, so every session issued before it (on
 * any device, any app instance) is signed out on its next request. The caller
 * re-issues the current session (see the action). Wrong current passwords count
 * as failed sign-ins of the account and the address (`rate-limit.ts`), so this
 * form cannot be used to guess around the sign-in lockout. Nothing is written
 * on any failure.
 */
export async function changePassword(
  actor: Actor,
  input: ChangePasswordInput,
  address: string,
): Promise<{ email: string; sessionVersion: number }> {
  const data = changePasswordSchema.parse(input);
  const db = getDb();
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { id: true, email: true, passwordHash: true } });
  if (!user) throw new AppError("NOT_FOUND", "Account not found");
  const keys = signInLimitKeys(user.email, address);
  const wait = await retryAfterSeconds(keys);
  if (wait > 0) throw new AppError("RATE_LIMITED", lockedMessage(wait));
  if (!(await verifyPassword(data.currentPassword, user.passwordHash))) {
    await recordFailure(keys);
    throw new AppError("VALIDATION", "Check your current password", { currentPassword: [WRONG_CURRENT_PASSWORD] });
  }
  const passwordHash = await hashPassword(data.newPassword);
  // Compare-and-swap on the hash we verified: a concurrent change wins, this one writes nothing.
  const { count } = await db.user.updateMany({
    where: { id: user.id, passwordHash: user.passwordHash },
    data: { passwordHash, sessionVersion: { increment: 1 } },
  });
  if (count === 0) throw new AppError("CONFLICT", "Your password was just changed somewhere else. Sign in again with the new one.");
  await clearFailures([keys[0]!]);
  const updated = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true, sessionVersion: true } });
  return updated;
}

/** The form-level message for a locked account or address. */
export function lockedMessage(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `Too many failed attempts. For your security, wait ${minutes} minute${minutes > 1 ? "s" : ""} and try again.`;
}
