import type { Level, Rubric } from "@/lib/rubric/types";
// The data of the current rubric only: the registry (`@/lib/rubric`) also brings
// the zod schemas, which these components must not pull into the browser.
import { rubricV1 as currentRubric } from "@/lib/rubric/v1";

/**
 * Per-level Tailwind classes, written out in full so Tailwind's scanner sees
 * them. -600 is for graphics (bars, dots), -700/-800 for text (AA on white and
 * on the level's -50 tint), see app/globals.css.
 */
export const LEVEL_STYLE: Record<Level, { bar: string; text: string; tint: string; border: string; ring: string; edge: string }> = {
  pause: {
    bar: "bg-pause-600",
    text: "text-pause-800",
    tint: "bg-pause-50",
    border: "border-pause-600",
    ring: "ring-pause-200",
    edge: "border-l-pause-600",
  },
  prompt: {
    bar: "bg-prompt-600",
    text: "text-prompt-800",
    tint: "bg-prompt-50",
    border: "border-prompt-600",
    ring: "ring-prompt-200",
    edge: "border-l-prompt-600",
  },
  adapter: {
    bar: "bg-adapter-600",
    text: "text-adapter-800",
    tint: "bg-adapter-50",
    border: "border-adapter-600",
    ring: "ring-adapter-200",
    edge: "border-l-adapter-600",
  },
  finetune: {
    bar: "bg-finetune-600",
    text: "text-finetune-800",
    tint: "bg-finetune-50",
    border: "border-finetune-600",
    ring: "ring-finetune-200",
    edge: "border-l-finetune-600",
  },
};

/** The rubric to take labels from when a component is not given one. */
export function rubricOrCurrent(rubric?: Rubric): Rubric {
  return rubric ?? (currentRubric as Rubric);
}

/** The outcome label of a level ("Level 1: adapters / LoRA / prefix tuning"). */
export function outcomeLabel(rubric: Rubric, level: Level): string {
  return rubric.outcomes.find((outcome) => outcome.id === level)?.label ?? level;
}

/** "R3-hallucination" → "R3". */
export function shortRuleId(rule: string): string {
  return rule.split("-")[0] ?? rule;
}

/** The question label for a question id, or the id itself when the rubric has no such question. */
export function questionLabeller(rubric: Rubric): (id: string) => string {
  const labels = new Map<string, string>();
  for (const section of rubric.sections) for (const question of section.questions) labels.set(question.id, question.label);
  return (id) => labels.get(id) ?? id;
}
