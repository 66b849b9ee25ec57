/**
 * The guided workshop's steps: one per rubric section, then Review. Pure.
 */
import type { Answers, Notes, Question, Rubric, Section } from "@/lib/rubric";

export const REVIEW_STEP = "review";

export type StepId = string;

export type StepInfo = {
  id: StepId;
  title: string;
  /** Position, 1-based, for "Step 2 of 7". */
  number: number;
  section?: Section;
};

export function listSteps(rubric: Rubric): StepInfo[] {
  return [
    ...rubric.sections.map((section, i) => ({ id: section.id, title: section.title, number: i + 1, section })),
    { id: REVIEW_STEP, title: "Review", number: rubric.sections.length + 1 },
  ];
}

export function findStep(rubric: Rubric, stepId: string): StepInfo | undefined {
  return listSteps(rubric).find((s) => s.id === stepId);
}

export function neighbours(rubric: Rubric, stepId: string): { previous?: StepInfo; next?: StepInfo } {
  const steps = listSteps(rubric);
  const i = steps.findIndex((s) => s.id === stepId);
  return { previous: i > 0 ? steps[i - 1] : undefined, next: i >= 0 ? steps[i + 1] : undefined };
}

export type StepState = "untouched" | "partial" | "complete";

export type StepProgress = { id: StepId; state: StepState; unknowns: number; answered: number; total: number };

/** A question counts as answered when it has a value or an explicit "don't know" (null). */
export function isAnswered(answers: Answers, question: Question): boolean {
  return answers[question.id] !== undefined;
}

/** Per step: complete (every question that is not optional answered), partial, or untouched; and how many are unknown. */
export function stepProgress(rubric: Pick<Rubric, "sections">, answers: Answers): StepProgress[] {
  return rubric.sections.map((section) => {
    const required = section.questions.filter((q) => !q.optional);
    const answered = section.questions.filter((q) => isAnswered(answers, q)).length;
    const unknowns = section.questions.filter((q) => answers[q.id] === null).length;
    const requiredAnswered = required.filter((q) => isAnswered(answers, q)).length;
    const state: StepState =
      answered === 0 ? "untouched" : requiredAnswered === required.length ? "complete" : "partial";
    return { id: section.id, state, unknowns, answered, total: section.questions.length };
  });
}

/** The note of a section, whichever key style it was stored under. */
export function sectionNote(notes: Notes, section: Section): string {
  return notes[section.noteId] ?? "";
}
