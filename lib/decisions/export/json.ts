/**
 * A decision as a stable JSON record ("levelset.decision/v1"). PURE.
 * Keys come out in a fixed order; answers and notes in rubric order; dates as
 * ISO strings. `result` is the Result stored when the decision was recorded,
 * exactly as stored (null before); `liveResult` is the live score of a
 * decision that is not recorded yet (null once recorded).
 */
import { requireRubric, score, type AnswerValue, type Level, type Result } from "@/lib/rubric";

import type { ExportableDecision } from "./types";

export const EXPORT_FORMAT = "levelset.decision/v1";

export type DecisionExport = {
  format: typeof EXPORT_FORMAT;
  id: string;
  title: string;
  context: string;
  status: string;
  rubricVersion: string;
  answers: Record<string, AnswerValue>;
  notes: Record<string, string>;
  result: Result | null;
  liveResult: Result | null;
  recommendedLevel: Level | null;
  finalLevel: Level | null;
  overrideRationale: string | null;
  owner: { name: string } | null;
  participants: string[];
  reviewBy: string | null;
  decidedAt: string | null;
  createdAt: string;
  updatedAt: string;
  supersedes: { id: string; title: string } | null;
  supersededBy: { id: string; title: string } | null;
};

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toExportRecord(decision: ExportableDecision): DecisionExport {
  const rubric = requireRubric(decision.rubricVersion);
  const answers: Record<string, AnswerValue> = {};
  const notes: Record<string, string> = {};
  for (const section of rubric.sections) {
    for (const question of section.questions) {
      const value = decision.answers[question.id];
      if (value !== undefined) answers[question.id] = value;
    }
    const note = decision.notes[section.noteId];
    if (typeof note === "string" && note !== "") notes[section.noteId] = note;
  }
  return {
    format: EXPORT_FORMAT,
    id: decision.id,
    title: decision.title,
    context: decision.context,
    status: decision.status,
    rubricVersion: decision.rubricVersion,
    answers,
    notes,
    result: decision.result,
    liveResult: decision.result ? null : score(decision.answers, decision.rubricVersion),
    recommendedLevel: decision.recommendedLevel,
    finalLevel: decision.finalLevel,
    overrideRationale: decision.overrideRationale,
    owner: decision.owner ? { name: decision.owner.name } : null,
    participants: [...decision.participants],
    reviewBy: iso(decision.reviewBy),
    decidedAt: iso(decision.decidedAt),
    createdAt: decision.createdAt.toISOString(),
    updatedAt: decision.updatedAt.toISOString(),
    supersedes: decision.supersedes ? { id: decision.supersedes.id, title: decision.supersedes.title } : null,
    supersededBy: decision.supersededBy ? { id: decision.supersededBy.id, title: decision.supersededBy.title } : null,
  };
}

/** The export as pretty-printed JSON text (ends with a newline). */
export function toJson(decision: ExportableDecision): string {
  return `${JSON.stringify(toExportRecord(decision), null, 2)}\n`;
}
