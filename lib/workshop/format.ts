import type { AnswerValue, Question } from "@/lib/rubric";

/** An answer in words, as a person would read it. */
export function formatAnswer(question: Question, value: AnswerValue | undefined): string {
  if (value === undefined) return "Not answered";
  if (value === null) return question.nullLabel ?? "We don’t know";
  if (Array.isArray(value)) {
    if (value.length === 0) return "None of these";
    return value.map((v) => question.options?.find((o) => o.id === v)?.label ?? String(v)).join(", ");
  }
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number") return `${value.toLocaleString("en")}${question.unit ? ` ${question.unit}` : ""}`;
  return question.options?.find((o) => o.id === value)?.label ?? String(value);
}
