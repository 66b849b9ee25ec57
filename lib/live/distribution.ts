/**
 * After a reveal: how the room answered each question, which questions split
 * it, what the default agreed answer is, and whether the split changes the
 * recommendation. Pure (rubric data and score() only).
 */
import { type Answers, type AnswerValue, type Level, LEVELS, type Question, type Section, score } from "@/lib/rubric";
import { formatAnswer } from "@/lib/workshop/format";

export type Bar = {
  /** Canonical key of the answer (JSON), stable across participants. */
  key: string;
  value: AnswerValue;
  label: string;
  count: number;
  /** Who gave it; empty in anonymous sessions. */
  names: string[];
};

export type QuestionDistribution = {
  questionId: string;
  label: string;
  /** Participants who answered this question (including "we don't know"). */
  answered: number;
  /** Most common first; ties keep rubric option order. */
  bars: Bar[];
  /** 0 when everyone agrees; grows as the room splits (1 − share of the most common answer). */
  disagreement: number;
  /** The most common answer (the facilitator's starting point for the agreed answer); undefined if nobody answered. */
  defaultValue: AnswerValue | undefined;
  /** More than one answer shares the top count: the facilitator must choose. */
  tie: boolean;
};

export type ParticipantAnswers = { name: string; answers: Answers };

/** Multi answers compare as sets: ["b","a"] and ["a","b"] are the same answer. */
export function answerKey(value: AnswerValue): string {
  return JSON.stringify(Array.isArray(value) ? [...value].sort() : value);
}

function optionRank(question: Question, value: AnswerValue): number {
  if (value === null) return 10_000;
  if (typeof value === "boolean") return value ? 0 : 1;
  if (typeof value === "number") return value;
  if (Array.isArray(value)) return value.length === 0 ? 9_000 : 100 + value.length;
  const i = question.options?.findIndex((o) => o.id === value) ?? -1;
  return i < 0 ? 5_000 : i;
}

export function distributionOf(question: Question, participants: readonly ParticipantAnswers[], named: boolean): QuestionDistribution {
  const bars = new Map<string, Bar>();
  let answered = 0;
  for (const p of participants) {
    const value = p.answers[question.id];
    if (value === undefined) continue;
    answered += 1;
    const key = answerKey(value);
    const bar = bars.get(key) ?? { key, value, label: formatAnswer(question, value), count: 0, names: [] };
    bar.count += 1;
    if (named) bar.names.push(p.name);
    bars.set(key, bar);
  }
  const sorted = [...bars.values()].sort((a, b) => b.count - a.count || optionRank(question, a.value) - optionRank(question, b.value));
  const top = sorted[0];
  return {
    questionId: question.id,
    label: question.label,
    answered,
    bars: sorted,
    disagreement: top ? 1 - top.count / answered : 0,
    defaultValue: top?.value,
    tie: sorted.length > 1 && sorted[1]!.count === top!.count,
  };
}

/** Every question of the step, the ones that split the room first (then rubric order). */
export function stepDistributions(section: Section, participants: readonly ParticipantAnswers[], named: boolean): QuestionDistribution[] {
  return section.questions
    .map((q, i) => ({ d: distributionOf(q, participants, named), i }))
    .sort((a, b) => b.d.disagreement - a.d.disagreement || a.i - b.i)
    .map(({ d }) => d);
}

/** The agreed answers to start from: the most common answer per question (unanswered questions left out). */
export function defaultAgreement(distributions: readonly QuestionDistribution[]): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  for (const d of distributions) if (d.defaultValue !== undefined) out[d.questionId] = d.defaultValue;
  return out;
}

export type FlipCounts = { counts: Record<Level, number>; total: number; split: boolean };

/**
 * "Would it flip?": each participant's answers for the steps so far, on top of
 * the decision's saved answers, scored on their own. How many participants'
 * answers point to each level; `split` when they don't all point the same way.
 */
export function flipCounts(base: Answers, perParticipant: readonly Answers[], rubricVersion: string): FlipCounts {
  const counts = Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<Level, number>;
  for (const own of perParticipant) {
    const merged: Record<string, AnswerValue | undefined> = { ...base };
    for (const [k, v] of Object.entries(own)) if (v !== undefined) merged[k] = v;
    counts[score(merged, rubricVersion).level] += 1;
  }
  const total = perParticipant.length;
  return { counts, total, split: LEVELS.filter((l) => counts[l] > 0).length > 1 };
}
