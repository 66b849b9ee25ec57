/**
 * Reading one workshop step from a submitted form. Pure (FormData is a web
 * standard). Field names:
 *   q:<questionId>        the value (radio, checkbox group, number input)
 *   unknown:<questionId>  "on" when the team doesn't know → null
 *   none:<questionId>     "on" for "none of these" on a multi question → []
 *   note                  the step's free-text note
 * A question with neither is missing (still a draft). Values are converted to
 * their JSON types here and then validated by the rubric's own step schema.
 */
import type { Answers, Issue, Question, Section } from "@/lib/rubric";

export const UNKNOWN_VALUE = "__unknown";

export const fieldName = (questionId: string) => `q:${questionId}`;
export const unknownFieldName = (questionId: string) => `unknown:${questionId}`;
export const noneFieldName = (questionId: string) => `none:${questionId}`;
export const NONE_VALUE = "__none";

/** Converts the posted strings; anything malformed is passed on unchanged for the schema to reject. */
export function readStepAnswers(section: Section, form: FormData): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const question of section.questions) {
    const name = fieldName(question.id);
    const values = form.getAll(name).filter((v): v is string => typeof v === "string");
    const unknown = form.get(unknownFieldName(question.id)) === "on" || values.includes(UNKNOWN_VALUE);
    if (unknown) {
      raw[question.id] = null;
      continue;
    }
    switch (question.type) {
      case "multi":
        // Ticked options win over "none of these"; neither ticked means not answered yet.
        if (values.length > 0) raw[question.id] = values;
        else if (form.get(noneFieldName(question.id)) === "on") raw[question.id] = [];
        break;
      case "boolean": {
        const v = values[0];
        if (v === "true") raw[question.id] = true;
        else if (v === "false") raw[question.id] = false;
        else if (v !== undefined && v !== "") raw[question.id] = v;
        break;
      }
      case "integer":
      case "number": {
        const v = values[0]?.trim();
        if (v === undefined || v === "") break;
        const n = Number(v.replace(",", "."));
        raw[question.id] = Number.isFinite(n) ? n : v;
        break;
      }
      case "choice": {
        const v = values[0];
        if (v !== undefined && v !== "") raw[question.id] = v;
        break;
      }
    }
  }
  // Anything else that claims to be an answer is reported, never silently dropped.
  for (const key of new Set(form.keys())) {
    if (key.startsWith("q:")) {
      const id = key.slice(2);
      if (!section.questions.some((q) => q.id === id)) raw[id] = form.get(key);
    }
  }
  return raw;
}

/** The step's answers merged into the whole set: this section's questions are replaced, others kept. */
export function mergeStepAnswers(section: Section, current: Answers, step: Answers): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  const ids = new Set(section.questions.map((q) => q.id));
  for (const [k, v] of Object.entries(current)) if (!ids.has(k) && v !== undefined) merged[k] = v;
  for (const [k, v] of Object.entries(step)) if (v !== undefined) merged[k] = v;
  return merged;
}

/** What a person should do about a rejected answer, in the words of the question. */
export function fieldMessage(question: Question): string {
  switch (question.type) {
    case "choice":
      return "Choose one of the options, or “We don’t know”.";
    case "multi":
      return "Tick any of the listed options, or “We don’t know”.";
    case "boolean":
      return "Choose yes or no, or “We don’t know”.";
    case "integer":
    case "number": {
      const kind = question.type === "integer" ? "a whole number" : "a number";
      if (question.min !== undefined && question.max !== undefined) {
        return `Enter ${kind} from ${question.min} to ${question.max}${question.unit ? ` (${question.unit})` : ""}.`;
      }
      if (question.min !== undefined) return `Enter ${kind} of at least ${question.min}.`;
      return `Enter ${kind}.`;
    }
  }
}

/** Schema issues as field errors keyed by question id; ids the step doesn't know are named as such. */
export function issuesToFieldErrors(section: Section, issues: Issue[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path.replace(/\.\d+$/, "");
    const question = section.questions.find((q) => q.id === key);
    const message = question ? fieldMessage(question) : `“${key}” is not a question of this step.`;
    const list = (out[question ? key : "form"] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  return out;
}
