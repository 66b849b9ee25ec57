import "server-only";

import { cache } from "react";

import { headers } from "next/headers";
import { redirect } from "next/navigation";

import { readSession } from "@/lib/auth/session-token";

import type { Actor } from "./actor";
import { getSessionUser, type SessionUser } from "./users";

/**
 * The signed-in user for this request, or null. Cached per request (React
 * `cache`), and checked against the database: a deleted user or a revoked
 * session (bumped sessionVersion) is signed out, whatever the cookie says.
 */
export const verifySession = cache(async (): Promise<SessionUser | null> => {
  const session = await readSession((await headers()).get("cookie") ?? "");
  if (!session) return null;
  return getSessionUser(session.userId, session.sessionVersion);
});

/**
 * For pages and actions that need a user: anonymous visitors (and revoked
 * sessions) go to sign-in, with a way back to the page they asked for (the
 * proxy passes its path on; sign-in only follows same-site paths).
 */
export async function requireUser(callbackUrl?: string): Promise<SessionUser & Actor> {
  const user = await verifySession();
  if (!user) {
    const back = callbackUrl ?? (await headers()).get("x-request-path");
    redirect(back ? `/sign-in?callbackUrl=${encodeURIComponent(back)}` : "/sign-in");
  }
  return { ...user, userId: user.id };
}
