import "server-only";

import type { Actor } from "@/lib/dal/actor";
import { type ConflictDetails, getDecision, saveStep } from "@/lib/dal/decisions";
import { isAppError } from "@/lib/dal/errors";
import { CURRENT_RUBRIC_VERSION, formatIssues, getRubric, type Answers, type Notes, type Result, stepAnswersSchema } from "@/lib/rubric";

import { issuesToFieldErrors, readStepAnswers } from "./step-form";

export type StepFormState = {
  status: "idle" | "saved" | "invalid" | "conflict" | "sealed" | "error";
  /** The decision version this client last saw (optimistic concurrency). */
  version: number;
  fieldErrors?: Record<string, string[]>;
  formError?: string;
  conflict?: ConflictDetails;
  /** After a save: the whole answer set, notes and the server's score of them. */
  answers?: Answers;
  notes?: Notes;
  result?: Result;
  savedAt?: string;
  /** What was submitted, to show again after an invalid save (forms keep what people typed). */
  submitted?: Record<string, string[]>;
};

function submittedValues(form: FormData): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("q:") || key.startsWith("unknown:") || key.startsWith("none:") || key === "note") {
      out[key] = form.getAll(key).filter((v): v is string => typeof v === "string").map((v) => v.slice(0, 5000));
    }
  }
  return out;
}

/**
 * Validates and saves one workshop step from a posted form. Shared by the step
 * form's server action and the page-hide route handler, so both follow the same
 * rules: zod first, the DAL authorizes, nothing is written on any refusal.
 */
export async function saveStepFromForm(
  actor: Actor,
  teamSlug: string,
  decisionId: string,
  stepId: string,
  form: FormData,
  lastSeenVersion: number,
): Promise<StepFormState> {
  const postedVersion = Number(form.get("version"));
  const version = Math.max(Number.isInteger(postedVersion) ? postedVersion : 0, lastSeenVersion);
  // The form reads its fields by the rubric version it was rendered for (a hand-made post
  // without one means the current version); saveStep refuses it for a decision on another.
  const posted = form.get("rubricVersion");
  const rubricVersion = typeof posted === "string" && posted !== "" ? posted : CURRENT_RUBRIC_VERSION;
  // Any refusal before the save is checked against the decision first: a non-member gets
  // NOT_FOUND, never a hint about the input. (A valid save reads the decision only once, in saveStep.)
  const refuse = async (state: StepFormState) => {
    await getDecision(actor, teamSlug, decisionId);
    return state;
  };
  const rubric = getRubric(rubricVersion);
  if (!rubric) return refuse({ status: "error", version, formError: "This page was made for questions that no longer exist. Reload it." });
  const section = rubric.sections.find((s) => s.id === stepId);
  if (!section) return refuse({ status: "error", version, formError: "This step has no questions to save." });

  const raw = readStepAnswers(section, form);
  const parsed = stepAnswersSchema(rubricVersion, section.id).safeParse(raw);
  const note = form.get("note");
  const noteTooLong = typeof note === "string" && note.length > rubric.notes.maxLength;
  if (!parsed.success || noteTooLong) {
    const fieldErrors = parsed.success ? {} : issuesToFieldErrors(section, formatIssues(parsed.error));
    if (noteTooLong) fieldErrors.note = [`Keep the note under ${rubric.notes.maxLength.toLocaleString("en")} characters.`];
    return refuse({
      status: "invalid",
      version,
      fieldErrors,
      formError: "Some answers need another look. Nothing was saved.",
      submitted: submittedValues(form),
    });
  }
  try {
    const saved = await saveStep(actor, teamSlug, decisionId, {
      sectionId: section.id,
      rubricVersion,
      answers: parsed.data as Answers,
      // Browsers post textarea line breaks as CRLF; store plain newlines.
      note: typeof note === "string" ? note.replace(/\r\n?/g, "\n") : undefined,
      expectedVersion: version,
    });
    return {
      status: "saved",
      version: saved.version,
      answers: saved.answers,
      notes: saved.notes,
      result: saved.result,
      savedAt: new Date().toISOString(),
    };
  } catch (error) {
    if (isAppError(error, "CONFLICT")) {
      return {
        status: "conflict",
        version,
        conflict: error.details as ConflictDetails,
        formError: error.message,
        submitted: submittedValues(form),
      };
    }
    if (isAppError(error, "SEALED")) return { status: "sealed", version, formError: error.message };
    if (isAppError(error, "FORBIDDEN") || isAppError(error, "VALIDATION")) return { status: "error", version, formError: error.message };
    throw error;
  }
}
