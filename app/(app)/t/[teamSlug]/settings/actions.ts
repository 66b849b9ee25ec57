"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";

import { isAppError } from "@/lib/dal/errors";
import { createInvitation, createInvitationSchema, revokeInvitation } from "@/lib/dal/invitations";
import { changeMemberRole, leaveTeam, removeMember, renameTeam } from "@/lib/dal/members";
import { requireUser } from "@/lib/dal/session";
import { createTeamSchema } from "@/lib/dal/teams";
import { fieldErrorsOf, type FormState, keepValues, formDataOf } from "@/lib/forms";

const idSchema = z.string().min(1).max(64);

export type InvitationFormState = FormState & { inviteUrl?: string };

function settingsPath(teamSlug: string) {
  return `/t/${teamSlug}/settings`;
}

/** AppErrors become messages people can act on; a non-member learns nothing. */
function refusal(error: unknown, values?: Record<string, string>): FormState {
  if (isAppError(error, "VALIDATION")) return { fieldErrors: error.fieldErrors, formError: error.message, values };
  if (isAppError(error, "FORBIDDEN") || isAppError(error, "CONFLICT")) return { formError: error.message, values };
  if (isAppError(error, "NOT_FOUND")) return { formError: "Not found. Reload the page to see the team as it is now.", values };
  throw error;
}

function teamSlugOf(formData: FormData) {
  return idSchema.safeParse(formData.get("teamSlug"));
}

export async function changeRoleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  formData = formDataOf(formData);
  const user = await requireUser();
  const teamSlug = teamSlugOf(formData);
  const userId = idSchema.safeParse(formData.get("userId"));
  if (!teamSlug.success || !userId.success) return { formError: "This form is missing its team. Reload the page." };
  try {
    await changeMemberRole(user, teamSlug.data, { userId: userId.data, role: String(formData.get("role") ?? "") });
  } catch (error) {
    return refusal(error);
  }
  revalidatePath(settingsPath(teamSlug.data));
  return { ok: true };
}

export async function removeMemberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  formData = formDataOf(formData);
  const user = await requireUser();
  const teamSlug = teamSlugOf(formData);
  const userId = idSchema.safeParse(formData.get("userId"));
  if (!teamSlug.success || !userId.success) return { formError: "This form is missing its team. Reload the page." };
  try {
    await removeMember(user, teamSlug.data, { userId: userId.data });
  } catch (error) {
    return refusal(error);
  }
  if (userId.data === user.id) redirect("/t");
  revalidatePath(settingsPath(teamSlug.data));
  return { ok: true };
}

export async function leaveTeamAction(_prev: FormState, formData: FormData): Promise<FormState> {
  formData = formDataOf(formData);
  const user = await requireUser();
  const teamSlug = teamSlugOf(formData);
  if (!teamSlug.success) return { formError: "This form is missing its team. Reload the page." };
  try {
    await leaveTeam(user, teamSlug.data);
  } catch (error) {
    return refusal(error);
  }
  revalidatePath("/t", "layout");
  redirect("/t");
}

export async function renameTeamAction(_prev: FormState, formData: FormData): Promise<FormState> {
  formData = formDataOf(formData);
  const user = await requireUser();
  const values = keepValues(formData, ["name"]);
  const teamSlug = teamSlugOf(formData);
  if (!teamSlug.success) return { formError: "This form is missing its team. Reload the page.", values };
  const parsed = createTeamSchema.safeParse({ name: formData.get("name") });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  try {
    await renameTeam(user, teamSlug.data, parsed.data);
  } catch (error) {
    return refusal(error, values);
  }
  revalidatePath(`/t/${teamSlug.data}`, "layout");
  return { ok: true, values };
}

/** Where this request came from, to build an absolute invitation URL (AUTH_URL wins behind a proxy). */
async function origin(): Promise<string> {
  if (process.env.AUTH_URL) return new URL(process.env.AUTH_URL).origin;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

export async function createInvitationAction(_prev: InvitationFormState, formData: FormData): Promise<InvitationFormState> {
  formData = formDataOf(formData);
  const user = await requireUser();
  const values = keepValues(formData, ["role", "expiry", "uses", "maxUses"]);
  const teamSlug = teamSlugOf(formData);
  if (!teamSlug.success) return { formError: "This form is missing its team. Reload the page.", values };
  const parsed = createInvitationSchema.safeParse({
    role: formData.get("role"),
    expiry: formData.get("expiry"),
    maxUses: formData.get("uses") === "many" ? formData.get("maxUses") : 1,
  });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  let token: string;
  try {
    ({ token } = await createInvitation(user, teamSlug.data, parsed.data));
  } catch (error) {
    return refusal(error, values);
  }
  revalidatePath(settingsPath(teamSlug.data));
  return { ok: true, inviteUrl: `${await origin()}/invite/${token}`, values };
}

export async function revokeInvitationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  formData = formDataOf(formData);
  const user = await requireUser();
  const teamSlug = teamSlugOf(formData);
  const invitationId = idSchema.safeParse(formData.get("invitationId"));
  if (!teamSlug.success || !invitationId.success) return { formError: "This form is missing its invitation. Reload the page." };
  try {
    await revokeInvitation(user, teamSlug.data, invitationId.data);
  } catch (error) {
    return refusal(error);
  }
  revalidatePath(settingsPath(teamSlug.data));
  return { ok: true };
}
