"use server";

import { redirect } from "next/navigation";

import { requireUser } from "@/lib/dal/session";
import { createTeam, createTeamSchema } from "@/lib/dal/teams";
import { fieldErrorsOf, type FormState, keepValues, formDataOf } from "@/lib/forms";

export async function createTeamAction(_prev: FormState, formData: FormData): Promise<FormState> {
  formData = formDataOf(formData);
  const user = await requireUser();
  const values = keepValues(formData, ["name"]);
  const parsed = createTeamSchema.safeParse({ name: formData.get("name") });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const team = await createTeam(user, parsed.data);
  redirect(`/t/${team.slug}`);
}
