"use server";

import { formDataOf } from "@/lib/forms";

import { redirect } from "next/navigation";
import { z } from "zod";

import { isAppError } from "@/lib/dal/errors";
import { acceptInvitation } from "@/lib/dal/invitations";
import { requireUser } from "@/lib/dal/session";
import type { FormState } from "@/lib/forms";

export async function acceptInvitationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  formData = formDataOf(formData);
  const token = z.string().max(100).safeParse(formData.get("token"));
  const user = await requireUser(token.success ? `/invite/${encodeURIComponent(token.data)}` : undefined);
  if (!token.success) return { formError: "This invitation is no longer valid — ask for a new one." };
  let teamSlug: string;
  try {
    ({ teamSlug } = await acceptInvitation(user, token.data));
  } catch (error) {
    if (isAppError(error, "NOT_FOUND")) return { formError: "This invitation is no longer valid — ask for a new one." };
    throw error;
  }
  redirect(`/t/${teamSlug}`);
}
