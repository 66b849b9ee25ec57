"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { isAppError } from "@/lib/dal/errors";
import { createShareLink, revokeShareLink, type ShareExpiry } from "@/lib/dal/share-links";
import { requireUser } from "@/lib/dal/session";
import { type FormState, keepValues, formDataOf } from "@/lib/forms";
import { decisionPath } from "@/lib/workshop/paths";

/** The form's state: after a success, the path of the new link, shown once. */
export type ShareFormState = FormState & { createdPath?: string };

const idSchema = z.string().min(1).max(64);
const routeSchema = z.object({ teamSlug: idSchema, decisionId: idSchema });
const expirySchema = z.enum(["never", "7d", "30d", "date"], { message: "Choose when the link stops working" });

const sharePagePath = (teamSlug: string, decisionId: string) => `${decisionPath(teamSlug, decisionId)}/share`;

export async function createShareLinkAction(_prev: ShareFormState, formData: FormData): Promise<ShareFormState> {
  formData = formDataOf(formData);
  const user = await requireUser();
  const values = keepValues(formData, ["expiry", "expiresOn"]);
  const route = routeSchema.safeParse({ teamSlug: formData.get("teamSlug"), decisionId: formData.get("decisionId") });
  if (!route.success) return { formError: "This form is missing its decision. Reload the page.", values };
  const kind = expirySchema.safeParse(formData.get("expiry"));
  if (!kind.success) return { fieldErrors: { expiry: [kind.error.issues[0]!.message] }, values };
  let expiry: ShareExpiry;
  if (kind.data === "date") {
    const date = String(formData.get("expiresOn") ?? "").trim();
    if (!date) return { fieldErrors: { expiresOn: ["Enter the date the link should stop working"] }, values };
    expiry = { date };
  } else {
    expiry = kind.data;
  }
  let path: string;
  try {
    ({ path } = await createShareLink(user, route.data.teamSlug, route.data.decisionId, { expiry }));
  } catch (error) {
    if (isAppError(error, "VALIDATION")) return { fieldErrors: error.fieldErrors, values };
    if (isAppError(error, "FORBIDDEN")) return { formError: error.message, values };
    if (isAppError(error, "NOT_FOUND")) return { formError: "Decision not found.", values };
    throw error;
  }
  revalidatePath(sharePagePath(route.data.teamSlug, route.data.decisionId));
  return { ok: true, createdPath: path };
}

export async function revokeShareLinkAction(_prev: FormState, formData: FormData): Promise<FormState> {
  formData = formDataOf(formData);
  const user = await requireUser();
  const parsed = z
    .object({ teamSlug: idSchema, linkId: idSchema })
    .safeParse({ teamSlug: formData.get("teamSlug"), linkId: formData.get("linkId") });
  if (!parsed.success) return { formError: "This form is missing its link. Reload the page." };
  try {
    const { decisionId } = await revokeShareLink(user, parsed.data.teamSlug, parsed.data.linkId);
    revalidatePath(sharePagePath(parsed.data.teamSlug, decisionId));
  } catch (error) {
    if (isAppError(error, "FORBIDDEN")) return { formError: error.message };
    if (isAppError(error, "NOT_FOUND")) return { formError: "That link no longer exists." };
    throw error;
  }
  return { ok: true };
}
