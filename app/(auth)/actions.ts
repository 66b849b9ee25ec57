"use server";

import { headers } from "next/headers";
import { AuthError } from "next-auth";

import { RATE_LIMITED_CODE, signIn, signOut } from "@/lib/auth";
import { isAppError } from "@/lib/dal/errors";
import { clientAddressOf, type LimitKey, recordFailure, retryAfterSeconds, signInLimitKeys } from "@/lib/dal/rate-limit";
import { createUserWithTeam, lockedMessage, signInSchema, signUpSchema } from "@/lib/dal/users";
import { fieldErrorsOf, type FormState, keepValues, safeRedirectPath } from "@/lib/forms";

const SIGN_IN_FAILED = "That email and password don't match an account. Check both and try again.";

async function clientAddress(): Promise<string> {
  return clientAddressOf(await headers());
}

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = keepValues(formData, ["email", "callbackUrl"]);
  const parsed = signInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeRedirectPath(formData.get("callbackUrl"), "/t"),
    });
  } catch (error) {
    // Unknown email and wrong password give the same answer; the limits are counted in `authorize`.
    if (error instanceof AuthError) {
      if ((error as { code?: string }).code === RATE_LIMITED_CODE) {
        const wait = await retryAfterSeconds(signInLimitKeys(parsed.data.email, await clientAddress()));
        return { formError: lockedMessage(wait), values };
      }
      return { formError: SIGN_IN_FAILED, values };
    }
    throw error; // Next's redirect on success
  }
  return { ok: true };
}

export async function signUpAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = keepValues(formData, ["name", "email", "callbackUrl"]);
  const parsed = signUpSchema.safeParse({
    name: formData.get("name"),
    email: formData.get("email"),
    password: formData.get("password"),
  });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  // Failed sign-ups (a taken email) count against the address, so the form can't be used to probe accounts.
  const ipKey: LimitKey[] = [{ kind: "ip", id: await clientAddress() }];
  const wait = await retryAfterSeconds(ipKey);
  if (wait > 0) return { formError: lockedMessage(wait), values };
  let teamSlug: string;
  try {
    ({ teamSlug } = await createUserWithTeam(parsed.data));
  } catch (error) {
    if (isAppError(error, "VALIDATION")) {
      await recordFailure(ipKey);
      return { fieldErrors: error.fieldErrors, values };
    }
    throw error;
  }
  await signIn("credentials", {
    email: parsed.data.email,
    password: parsed.data.password,
    redirectTo: safeRedirectPath(formData.get("callbackUrl"), `/t/${teamSlug}`),
  });
  return { ok: true };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
