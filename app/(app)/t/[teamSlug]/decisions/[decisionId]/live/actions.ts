"use server";

import { redirect } from "next/navigation";
import { z } from "zod";

import { isAppError } from "@/lib/dal/errors";
import { startLiveSession } from "@/lib/dal/live-sessions";
import { requireUser } from "@/lib/dal/session";
import { type FormState, keepValues, formDataOf } from "@/lib/forms";

const idSchema = z.string().min(1).max(64);
const startForm = z.object({
  teamSlug: idSchema,
  decisionId: idSchema,
  answers: z.enum(["named", "anonymous"], { message: "Choose named or anonymous answers" }),
  observersAllowed: z.literal("on").optional(),
  timerMinutes: z
    .string()
    .trim()
    .max(4)
    .transform((v) => (v === "" ? null : Number(v)))
    .pipe(
      z
        .number({ message: "Enter the minutes per step as a whole number" })
        .int("Enter the minutes per step as a whole number")
        .min(1, "Use at least 1 minute")
        .max(60, "Use at most 60 minutes")
        .nullable(),
    ),
});

/** Starts (or returns to) the decision's live session; facilitators and owners only. */
export async function startLiveSessionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  formData = formDataOf(formData);
  const user = await requireUser();
  const values = keepValues(formData, ["answers", "timerMinutes"]);
  const parsed = startForm.safeParse({
    teamSlug: formData.get("teamSlug"),
    decisionId: formData.get("decisionId"),
    answers: formData.get("answers") ?? undefined,
    observersAllowed: formData.get("observersAllowed") ?? undefined,
    timerMinutes: formData.get("timerMinutes") ?? "",
  });
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
    return { fieldErrors, values };
  }
  const { teamSlug, decisionId, answers, observersAllowed, timerMinutes } = parsed.data;
  let code: string;
  try {
    ({ code } = await startLiveSession(user, teamSlug, decisionId, {
      anonymous: answers === "anonymous",
      observersAllowed: observersAllowed === "on",
      timerMinutes,
    }));
  } catch (error) {
    if (isAppError(error, "FORBIDDEN") || isAppError(error, "SEALED")) return { formError: error.message, values };
    if (isAppError(error, "NOT_FOUND")) return { formError: "Decision not found.", values };
    throw error;
  }
  redirect(`/live/${code}`);
}
