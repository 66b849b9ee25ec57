"use server";

import { cookies, headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";

import {
  createDecision,
  createDecisionSchema,
  markInReview,
  recordDecision,
  recordDecisionSchema,
  reopenDecision,
  revisitDecision,
  setDecisionArchived,
} from "@/lib/dal/decisions";
import { isAppError } from "@/lib/dal/errors";
import { requireUser } from "@/lib/dal/session";
import { fieldErrorsOf, type FormState, keepValues, formDataOf } from "@/lib/forms";
import { type Issue, parseAndScore, type Result } from "@/lib/rubric";
import { decisionPath, stepPath } from "@/lib/workshop/paths";
import { saveStepFromForm, type StepFormState } from "@/lib/workshop/save-step";

const idSchema = z.string().min(1).max(64);
const routeSchema = z.object({ teamSlug: idSchema, decisionId: idSchema });
// Built once: zod compiles a schema on its first parse, and autosave calls saveStepAction every few seconds.
const stepRouteSchema = routeSchema.extend({ stepId: idSchema });
/** The version the client last saw comes from the client too: only a whole version number is trusted. */
const lastSeenVersionSchema = z.number().int().min(0).catch(0);
const gotoSchema = z.string().regex(/^[a-z0-9_]+$/);
const scoreInputSchema = z.object({ rubricVersion: z.string().max(20), answers: z.unknown() });
const inDecisionPathSchema = z.string().regex(/^\/t\/[^/]+\/decisions\/[^?#]*$/);

export async function createDecisionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  formData = formDataOf(formData);
  const user = await requireUser();
  const values = keepValues(formData, ["title", "context", "ownerId", "participants"]);
  const teamSlug = idSchema.safeParse(formData.get("teamSlug"));
  if (!teamSlug.success) return { formError: "This form is missing its team. Reload the page.", values };
  const participants = String(formData.get("participants") ?? "")
    .split(/\r?\n|,/)
    .map((s) => s.trim())
    .filter(Boolean);
  const parsed = createDecisionSchema.safeParse({
    title: formData.get("title"),
    context: formData.get("context"),
    ownerId: formData.get("ownerId"),
    participants,
  });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  let id: string;
  try {
    ({ id } = await createDecision(user, teamSlug.data, parsed.data));
  } catch (error) {
    if (isAppError(error, "VALIDATION")) return { fieldErrors: error.fieldErrors, values };
    if (isAppError(error, "FORBIDDEN")) return { formError: error.message, values };
    if (isAppError(error, "NOT_FOUND")) return { formError: "Team not found.", values };
    throw error;
  }
  redirect(stepPath(teamSlug.data, id, "constraints"));
}

/**
 * Saves one step (a plain form post, an autosave, or back/next/jump). On a
 * navigation intent the save must succeed before the page moves on.
 */
export async function saveStepAction(prev: StepFormState, formData: FormData): Promise<StepFormState> {
  formData = formDataOf(formData);
  const user = await requireUser();
  const lastSeen = lastSeenVersionSchema.parse((prev as Partial<StepFormState> | null)?.version);
  const route = stepRouteSchema.safeParse({
    teamSlug: formData.get("teamSlug"),
    decisionId: formData.get("decisionId"),
    stepId: formData.get("stepId"),
  });
  if (!route.success) return { status: "error", version: lastSeen, formError: "This form is missing its decision. Reload the page." };
  const { teamSlug, decisionId, stepId } = route.data;
  let state: StepFormState;
  try {
    state = await saveStepFromForm(user, teamSlug, decisionId, stepId, formData, lastSeen);
  } catch (error) {
    if (isAppError(error, "NOT_FOUND")) return { status: "error", version: lastSeen, formError: "Decision not found." };
    throw error;
  }
  const target = gotoSchema.safeParse(formData.get("goto"));
  if (target.success && (state.status === "saved" || state.status === "sealed")) {
    redirect(stepPath(teamSlug, decisionId, target.data));
  }
  return state;
}

/** From the Review step to the result: the draft is now in review. */
export async function continueToResultAction(formData: FormData): Promise<void> {
  formData = formDataOf(formData);
  const user = await requireUser();
  const route = routeSchema.safeParse({ teamSlug: formData.get("teamSlug"), decisionId: formData.get("decisionId") });
  if (!route.success) redirect("/t");
  try {
    await markInReview(user, route.data.teamSlug, route.data.decisionId);
  } catch (error) {
    if (!isAppError(error, "FORBIDDEN")) throw error; // viewers may still read the result
  }
  redirect(`${decisionPath(route.data.teamSlug, route.data.decisionId)}/result`);
}

export async function recordDecisionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  formData = formDataOf(formData);
  const user = await requireUser();
  const values = keepValues(formData, ["finalLevel", "rationale", "ownerId", "reviewBy"]);
  const route = routeSchema.safeParse({ teamSlug: formData.get("teamSlug"), decisionId: formData.get("decisionId") });
  if (!route.success) return { formError: "This form is missing its decision. Reload the page.", values };
  const parsed = recordDecisionSchema.safeParse({
    finalLevel: formData.get("finalLevel"),
    rationale: formData.get("rationale") ?? "",
    ownerId: formData.get("ownerId"),
    reviewBy: formData.get("reviewBy"),
    expectedVersion: formData.get("version"),
  });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  try {
    await recordDecision(user, route.data.teamSlug, route.data.decisionId, parsed.data);
  } catch (error) {
    if (isAppError(error, "VALIDATION")) return { fieldErrors: error.fieldErrors, values };
    if (isAppError(error, "CONFLICT")) {
      return { formError: "The answers changed after you opened this page. Reload to see the latest result, then record.", values };
    }
    if (isAppError(error, "SEALED") || isAppError(error, "FORBIDDEN")) return { formError: error.message, values };
    if (isAppError(error, "NOT_FOUND")) return { formError: "Decision not found.", values };
    throw error;
  }
  redirect(`${decisionPath(route.data.teamSlug, route.data.decisionId)}/result`);
}

export async function reopenDecisionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  formData = formDataOf(formData);
  const user = await requireUser();
  const route = routeSchema.safeParse({ teamSlug: formData.get("teamSlug"), decisionId: formData.get("decisionId") });
  const version = z.coerce.number().int().min(1).safeParse(formData.get("version"));
  if (!route.success || !version.success) return { formError: "This form is missing its decision. Reload the page." };
  try {
    await reopenDecision(user, route.data.teamSlug, route.data.decisionId, version.data);
  } catch (error) {
    if (isAppError(error, "CONFLICT") || isAppError(error, "FORBIDDEN")) return { formError: error.message };
    if (isAppError(error, "NOT_FOUND")) return { formError: "Decision not found." };
    throw error;
  }
  redirect(stepPath(route.data.teamSlug, route.data.decisionId, "review"));
}

/**
 * Scores an answer set for the live panel, through the same engine and schema
 * as everything else. Stores nothing and reads no team data.
 */
export async function scoreAnswersAction(input: {
  rubricVersion: string;
  answers: unknown;
}): Promise<{ ok: true; result: Result } | { ok: false; issues: Issue[] }> {
  await requireUser();
  const parsed = scoreInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: [{ path: "", message: "Send { rubricVersion, answers }" }] };
  return parseAndScore(parsed.data.answers, parsed.data.rubricVersion);
}

/** Projector mode: large type, no chrome, high contrast. Kept in a cookie so every step opens in it. */
export async function togglePresentationAction(formData: FormData): Promise<void> {
  formData = formDataOf(formData);
  const jar = await cookies();
  const on = formData.get("presentation") === "on";
  if (on) jar.set("levelset-presentation", "1", { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 30 });
  else jar.delete("levelset-presentation");
  // Back to the page the toggle was pressed on (same origin, a decision page), else the decision.
  let back = inDecisionPathSchema.safeParse(formData.get("returnTo")).data ?? "/t";
  const referer = (await headers()).get("referer");
  if (referer) {
    try {
      const url = new URL(referer);
      const own = new URL((await headers()).get("origin") ?? url.origin);
      if (url.origin === own.origin && inDecisionPathSchema.safeParse(url.pathname).success) back = url.pathname;
    } catch {
      /* keep the fallback */
    }
  }
  redirect(back);
}

/** "Revisit with today's facts": a new draft prefilled from a recorded decision. */
export async function revisitDecisionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  formData = formDataOf(formData);
  const user = await requireUser();
  const route = routeSchema.safeParse({ teamSlug: formData.get("teamSlug"), decisionId: formData.get("decisionId") });
  if (!route.success) return { formError: "This form is missing its decision. Reload the page." };
  let id: string;
  try {
    ({ id } = await revisitDecision(user, route.data.teamSlug, route.data.decisionId));
  } catch (error) {
    if (isAppError(error, "CONFLICT") || isAppError(error, "FORBIDDEN")) return { formError: error.message };
    if (isAppError(error, "NOT_FOUND")) return { formError: "Decision not found." };
    throw error;
  }
  redirect(stepPath(route.data.teamSlug, id, "constraints"));
}

export async function setArchivedAction(_prev: FormState, formData: FormData): Promise<FormState> {
  formData = formDataOf(formData);
  const user = await requireUser();
  const route = routeSchema.safeParse({ teamSlug: formData.get("teamSlug"), decisionId: formData.get("decisionId") });
  const archived = z.enum(["true", "false"]).safeParse(formData.get("archived"));
  if (!route.success || !archived.success) return { formError: "This form is missing its decision. Reload the page." };
  try {
    await setDecisionArchived(user, route.data.teamSlug, route.data.decisionId, archived.data === "true");
  } catch (error) {
    if (isAppError(error, "FORBIDDEN")) return { formError: error.message };
    if (isAppError(error, "NOT_FOUND")) return { formError: "Decision not found." };
    throw error;
  }
  revalidatePath(decisionPath(route.data.teamSlug, route.data.decisionId));
  return { ok: true };
}
