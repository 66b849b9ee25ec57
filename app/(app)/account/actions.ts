"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";

import { signIn } from "@/lib/auth";
import { isAppError } from "@/lib/dal/errors";
import { clientAddressOf } from "@/lib/dal/rate-limit";
import { requireUser } from "@/lib/dal/session";
import { changePassword, changePasswordSchema } from "@/lib/dal/users";
import { fieldErrorsOf, type FormState } from "@/lib/forms";
import { log } from "@/lib/log";

/**
 * Changes the signed-in user's password. Every other session of the user ends
 * (the DAL bumps `sessionVersion`); this one continues: it signs in again with
 * the new password, which issues a fresh session cookie for the new version.
 * Passwords are never sent back to the form.
 */
export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser("/account");
  const parsed = changePasswordSchema.safeParse({
    currentPassword: formData.get("currentPassword"),
    newPassword: formData.get("newPassword"),
    confirmPassword: formData.get("confirmPassword"),
  });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  const h = await headers();
  const requestId = h.get("x-request-id") ?? undefined;
  let email: string;
  try {
    ({ email } = await changePassword(user, parsed.data, clientAddressOf(h)));
  } catch (error) {
    if (isAppError(error, "VALIDATION")) {
      log.warn("account.password_change_refused", { requestId, userId: user.id, reason: "wrong_current_password" });
      return { fieldErrors: error.fieldErrors, formError: error.message };
    }
    if (isAppError(error, "RATE_LIMITED") || isAppError(error, "CONFLICT")) {
      log.warn("account.password_change_refused", { requestId, userId: user.id, reason: error.code.toLowerCase() });
      return { formError: error.message };
    }
    throw error;
  }
  log.info("account.password_changed", { requestId, userId: user.id });
  // A fresh cookie for this browser, through the one way sessions are issued (authorize).
  try {
    await signIn("credentials", { email, password: parsed.data.newPassword, redirect: false });
  } catch (error) {
    // The password is changed; if this browser can't be signed in again (its address is
    // rate-limited), it signs in by hand like every other one.
    if (error instanceof AuthError) redirect("/sign-in?callbackUrl=%2Faccount");
    throw error;
  }
  redirect("/account?changed=1");
}
