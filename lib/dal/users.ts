import "server-only";

import { z } from "zod";

import { hashPassword, timingSafeDummyHash, verifyPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db";

import { AppError, isUniqueViolation } from "./errors";
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
