"use server";

import { redirect } from "next/navigation";
import { z } from "zod";

import { isAppError } from "@/lib/dal/errors";
import { requireUser } from "@/lib/dal/session";
import { importTeam, type ImportSummary } from "@/lib/dal/team-transfer";
import { createTeam, createTeamSchema } from "@/lib/dal/teams";
import { fieldErrorsOf, type FormState, keepValues } from "@/lib/forms";
import { MAX_IMPORT_BYTES } from "@/lib/teams/export-format";

export async function createTeamAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const values = keepValues(formData, ["name"]);
  const parsed = createTeamSchema.safeParse({ name: formData.get("name") });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const team = await createTeam(user, parsed.data);
  redirect(`/t/${team.slug}`);
}

export type ImportTeamFormState = FormState & { imported?: ImportSummary };

const importFormSchema = z.object({
  file: z
    .instanceof(File, { message: "Choose a LevelSet team file (.json)" })
    .refine((f) => f.size > 0, "Choose a LevelSet team file (.json)")
    .refine((f) => f.size <= MAX_IMPORT_BYTES, `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`),
  name: z.string().max(200).optional(),
  addKnownMembers: z.literal("on").optional(),
});

/** Creates a new team, owned by the signed-in user, from an exported levelset.team/v1 file. */
export async function importTeamAction(_prev: ImportTeamFormState, formData: FormData): Promise<ImportTeamFormState> {
  const user = await requireUser();
  const values = keepValues(formData, ["name", "addKnownMembers"]);
  const parsed = importFormSchema.safeParse({
    file: formData.get("file"),
    name: formData.get("name") ?? undefined,
    addKnownMembers: formData.get("addKnownMembers") ?? undefined,
  });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  let document: unknown;
  try {
    document = JSON.parse(await parsed.data.file.text());
  } catch {
    return { fieldErrors: { file: ["This file is not JSON. Choose a file downloaded with “Export team”."] }, values };
  }
  try {
    const imported = await importTeam(user, document, { name: parsed.data.name, addKnownMembers: parsed.data.addKnownMembers === "on" });
    return { ok: true, imported };
  } catch (error) {
    if (isAppError(error, "VALIDATION")) return { fieldErrors: error.fieldErrors, formError: error.message, values };
    if (isAppError(error, "NOT_FOUND")) return { formError: "Your account was not found. Sign in again.", values };
    throw error;
  }
}
